// Scenario folders through a real workspace: the fixture imports with every value where it
// belongs, export -> import -> export is byte-identical, and each malformed folder is refused
// with its exact file:line:column message while the workspace stays exactly as it was.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "core/formats/scenario.hpp"
#include "core/model/values.hpp"

using namespace liaison::core;
namespace fs = std::filesystem;

namespace {

const fs::path kScenarios = fs::path(LIAISON_TEST_DATA) / "scenarios";

class ScratchDir {
 public:
  ScratchDir() {
    std::random_device rd;
    m_path = fs::temp_directory_path() /
             ("liaison-scenario-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    fs::create_directories(m_path);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  fs::path operator/(const std::string& name) const { return m_path / name; }

 private:
  fs::path m_path;
};

std::map<std::string, std::string> readFolder(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    files[entry.path().filename().string()] = buf.str();
  }
  return files;
}

void writeText(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string importError(const fs::path& dir, Store& store) {
  try {
    importScenario(dir, store);
  } catch (const ImportError& e) {
    return e.what();
  }
  return "(no error)";
}

// Everything a failed import must leave untouched.
struct State {
  std::uint64_t revision;
  std::int64_t journal;
  SnapshotPtr snap;
};
State stateOf(const Store& store) {
  return {store.revision(), store.journalLength(), store.load()};
}

void requireSameData(const Snapshot& a, const Snapshot& b) {
  CHECK(a.agencies == b.agencies);
  CHECK(a.representatives == b.representatives);
  CHECK(a.channels == b.channels);
  CHECK(a.needs == b.needs);
  CHECK(a.incidents == b.incidents);
  CHECK(a.periods == b.periods);
  CHECK(a.events == b.events);
  CHECK(a.tasks == b.tasks);
  CHECK(a.features == b.features);
  CHECK(a.infrastructure == b.infrastructure);
  CHECK(a.messages == b.messages);
}

// export -> import into a fresh workspace -> export: the two exports must be byte-identical.
void checkRoundTrip(const fs::path& source) {
  ScratchDir tmp;
  auto first = Store::create(tmp / "first.liaison");
  importScenario(source, *first);
  exportScenario(*first->load(), tmp / "export1");
  auto second = Store::create(tmp / "second.liaison");
  importScenario(tmp / "export1", *second);
  requireSameData(*first->load(), *second->load());
  exportScenario(*second->load(), tmp / "export2");
  const auto a = readFolder(tmp / "export1");
  const auto b = readFolder(tmp / "export2");
  REQUIRE(a.size() == 12);
  for (const auto& [name, text] : a) {
    INFO(name);
    REQUIRE(b.count(name) == 1);
    CHECK(text == b.at(name));
  }
}

}  // namespace

TEST_CASE("scenario: the fixture imports with every value in place", "[scenario]") {
  ScratchDir tmp;
  auto store = Store::create(tmp / "w.liaison");
  const ImportSummary sum = importScenario(kScenarios / "valid", *store);
  CHECK(sum.agencies == 4);
  CHECK(sum.representatives == 4);
  CHECK(sum.contacts == 4);
  CHECK(sum.channels == 3);
  CHECK(sum.needs == 2);
  CHECK(sum.incidents == 1);
  CHECK(sum.periods == 2);
  CHECK(sum.events == 3);
  CHECK(sum.tasks == 3);
  CHECK(sum.features == 5);  // the MultiPoint became two features
  CHECK(sum.revision == store->revision());

  const auto snap = store->load();
  REQUIRE(snap->agencies.size() == 4);
  const Agency& fire = snap->agencies[0];
  CHECK(fire.code == "RCFD");  // the BOM is not part of the first header
  CHECK(fire.location == "Station 1, 200 Main St");
  CHECK(fire.resources == "4 engines, 1 ladder, 1 hazmat unit");
  CHECK(fire.position == std::optional<LonLat>(LonLat{-77.1945, 41.2033}));
  CHECK(fire.personnel == 46);
  CHECK(fire.notes.empty());  // CRLF: no stray \r in the last field
  CHECK(snap->agencies[1].notes == "Traffic control points \"TCP-1\" to \"TCP-6\"");
  CHECK(snap->agencies[2].constraints == "No helipad\r\nat night");
  CHECK_FALSE(snap->agencies[2].position.has_value());
  CHECK(snap->agencies[2].rep_location.empty());
  CHECK(snap->agencies[3].type == AgencyType::Ngo);
  CHECK(snap->agencies[3].notes == "Shelter lead");  // the row after a multi-line field

  const Incident& inc = snap->incidents.at(0);
  CHECK(inc.exercise);
  CHECK(inc.end == parseTime("2026-05-15T08:30:00Z"));
  CHECK(inc.description ==
        "A tank car leaks chlorine.\nWind from the west, 8 knots; the \"Northside\" district is "
        "downwind.");
  CHECK(snap->periods.at(0).start == parseTime("2026-05-14T08:30:00Z"));

  const Representative* dana = snap->representative(101);
  REQUIRE(dana);
  CHECK(dana->agency == 1);
  REQUIRE(dana->contacts.size() == 2);
  CHECK(dana->contacts[0].kind == ContactKind::Cell);
  CHECK(dana->contacts[0].sensitive);
  CHECK(dana->contacts[1].kind == ContactKind::Radio);
  CHECK(snap->representative(201)->on_duty);  // empty -> default true
  CHECK_FALSE(snap->representative(301)->on_duty);

  const Channel* hospitalLine = snap->channel(1002);
  REQUIRE(hospitalLine);
  CHECK(hospitalLine->from_agency == 1);
  CHECK(hospitalLine->to_agency == 3);
  CHECK_FALSE(hospitalLine->two_way);
  CHECK(hospitalLine->status == ChannelStatus::Degraded);
  CHECK(snap->channel(1003)->status == ChannelStatus::Up);
  CHECK(snap->channel(1003)->reliability == 1.0);

  CHECK(snap->need(1)->source == NeedSource::Task);
  CHECK(snap->need(1)->task == 2);
  CHECK(snap->events.at(1).time == parseTime("2026-05-14T09:05:00Z"));
  CHECK(snap->events.at(1).agencies == std::vector<Id>{1, 2, 3});
  CHECK(snap->task(1)->depends_on == std::vector<Id>{2});  // forward reference
  CHECK(snap->task(3)->depends_on == std::vector<Id>{1, 2});
  CHECK(snap->task(1)->due == parseTime("2026-05-14T12:00:00Z"));

  REQUIRE(snap->features.size() == 5);
  const MapFeature* zone = snap->feature(2);
  REQUIRE(zone);
  CHECK(zone->geometry == GeometryKind::Polygon);
  CHECK(zone->rings.size() == 2);
  CHECK(zone->label == "Evacuation zone Ä");
  CHECK(zone->layer == "workspace");
  CHECK(zone->properties_json == R"({"wind":{"from":"W","knots":8}})");
  CHECK(snap->feature(3)->layer == "basemap");
  CHECK(snap->feature(3)->rings.at(0).size() == 2);
  CHECK(snap->feature(4)->kind == FeatureKind::StagingArea);
  REQUIRE(snap->feature(5));  // the MultiPoint's second part, the next free id
  CHECK(snap->feature(5)->rings == std::vector<std::vector<LonLat>>{{LonLat{-77.22, 41.195}}});
  CHECK(snap->feature(5)->properties_json == R"({"capacity":12.5,"note":null})");
  CHECK(snap->feature(1)->agency == 1);
}

TEST_CASE("scenario: export writes the documented format", "[scenario]") {
  ScratchDir tmp;
  auto store = Store::create(tmp / "w.liaison");
  importScenario(kScenarios / "valid", *store);
  exportScenario(*store->load(), tmp / "out");
  const auto files = readFolder(tmp / "out");
  const std::string& agencies = files.at("agencies.csv");
  CHECK(agencies.rfind(
            "\xEF\xBB\xBF"
            "id,code,name,type,role,discipline,jurisdiction,location,lat,lon,agreements,"
            "resources,personnel,condition,constraints,rep_location,notes,status\n"
            "1,RCFD,River City Fire Department,fire,assisting,ESF-4 Firefighting,City of River "
            "City,\"Station 1, 200 Main St\",41.2033,-77.1945,County mutual aid 2019,\"4 engines, "
            "1 ladder, 1 hazmat unit\",46,Fully staffed,No level-A suits beyond 4,EOC seat 4,,up\n",
            0) == 0);
  CHECK(files.at("representatives.csv") ==
        "\xEF\xBB\xBF"
        "id,agency,name,position,shift,on_duty,lat,lon,carried_by\n"
        "101,1,Dana Whitfield,Agency Representative,,true,,,\n"
        "201,2,Luis Ortega,Liaison Officer,,true,,,\n"
        "301,3,Priya Nair,Emergency Manager,,false,,,\n"
        "401,4,Sam O'Neil,Shelter Manager,,true,,,\n");
  CHECK(files.at("events.csv") ==
        "\xEF\xBB\xBF"
        "id,incident,time,kind,agencies,text,source,significant\n"
        "1,1,2026-05-14T08:42:00Z,report,1;2,Chlorine odour reported at the rail yard,911 "
        "call,true\n"
        "2,1,2026-05-14T09:05:00Z,decision,1;2;3,\"Evacuate Northside, shelter in place south of "
        "the river\",IC,true\n"
        "3,1,2026-05-14T09:30:00Z,note,,Wind shift expected,,false\n");
  CHECK(files.at("channels.csv") ==
        "\xEF\xBB\xBF"
        "id,from_representative,to_representative,from_agency,to_agency,medium,identifier,"
        "latency_min,reliability,status,direction,notes,carried_by\n"
        "1001,101,201,,,radio,TG 2104 FIRE-OPS,0.5,0.97,up,two_way,,\n"
        "1002,,,1,3,phone,555-0199,2,0.9,degraded,one_way,\"Hospital \"\"bed board\"\" line, "
        "often busy\",\n"
        "1003,201,401,,,email,ops@example.org,15,1,up,two_way,,\n");
  CHECK(files.at("features.geojson").find("\"coordinates\": [-77.22, 41.195]") !=
        std::string::npos);
  for (const auto& [name, text] : files) {
    INFO(name);
    CHECK((text.find('\r') == std::string::npos || name == "agencies.csv"));  // only inside quotes
    // Every CSV starts with the UTF-8 byte-order mark (spreadsheets then read names right).
    if (name.ends_with(".csv")) CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);
  }
}

TEST_CASE("scenario: export -> import -> export is byte-identical", "[scenario]") {
  checkRoundTrip(kScenarios / "valid");
}

TEST_CASE("scenario: the demo exercise round-trips byte for byte", "[scenario][demo]") {
  const fs::path demo = fs::path(LIAISON_SOURCE_DIR) / "assets" / "demo";
  if (!fs::exists(demo / "agencies.csv")) {
    WARN("assets/demo is not there yet; skipped");
    return;
  }
  checkRoundTrip(demo);
  // The demo is kept in export form, so exporting it reproduces its files exactly.
  ScratchDir tmp;
  auto store = Store::create(tmp / "demo.liaison");
  importScenario(demo, *store);
  exportScenario(*store->load(), tmp / "out");
  const auto original = readFolder(demo);
  for (const auto& [name, text] : readFolder(tmp / "out")) {
    INFO(name);
    if (original.count(name)) CHECK(text == original.at(name));
  }
}

TEST_CASE("scenario: importing the same folder again replaces, it does not duplicate",
          "[scenario]") {
  ScratchDir tmp;
  auto store = Store::create(tmp / "w.liaison");
  importScenario(kScenarios / "valid", *store);
  const auto before = store->load();
  importScenario(kScenarios / "valid", *store);
  requireSameData(*before, *store->load());
}

TEST_CASE("scenario: each malformed folder is refused at file:line:column, nothing written",
          "[scenario]") {
  const std::map<std::string, std::string> expected = {
      {"unknown_reference",
       "representatives.csv:3:2: unknown agency 9 in agency; expected an id in agencies.csv"},
      {"duplicate_id",
       "agencies.csv:4:1: duplicate id 2 (first on line 3); expected ids unique within "
       "agencies.csv"},
      {"bad_number",
       "channels.csv:2:5: latency_min 'fast' is not a number; expected a number of minutes, 0 "
       "or more with a dot as decimal separator"},
      {"out_of_range",
       "channels.csv:3:9: reliability 1.4 is out of range; expected a number from 0 to 1"},
      {"bad_time",
       "events.csv:3:3: time '2026-05-14 09:10' is not a valid time; expected ISO 8601 with a "
       "zone, e.g. 2026-05-14T08:30:00Z or 2026-05-14T10:30:00+02:00"},
      {"unknown_enum",
       "agencies.csv:5:4: type 'police' is not a valid agency type; expected one of fire, law, "
       "ems, hospital, public_health, public_works, utility, school, transit, ngo, media, "
       "government, military, private or other"},
      {"missing_column",
       "agencies.csv:1:1: missing required column 'role'; required columns are id, code, name, "
       "type, role"},
      {"unexpected_column",
       "agencies.csv:1:3: unexpected column 'nmae'; valid columns are id, code, name, type, "
       "role, discipline, jurisdiction, location, lat, lon, agreements, resources, personnel, "
       "condition, constraints, rep_location, notes, status"},
      {"invalid_utf8", "agencies.csv:3:3: invalid UTF-8 (byte 0xE9); save the file as UTF-8"},
      {"empty_required", "agencies.csv:2:3: name is empty; expected a non-empty text"},
      {"geojson_syntax",
       "features.geojson:8:7: malformed JSON: syntax error while parsing object - unexpected "
       "string literal; expected '}'"},
      {"geojson_bad_coordinate",
       "features.geojson:5:82: longitude 200 is out of range; expected -180 to 180"},
      {"geojson_missing_kind",
       "features.geojson:9:21: the feature has no \"kind\" property; expected one of "
       "incident_site, command_post, staging_area, shelter, hospital, zone, road, river, "
       "boundary, landmark or other"},
      {"geojson_open_ring",
       "features.geojson:10:61: the polygon ring is not closed; expected the last position to "
       "equal the first (-77.2, 41.2)"},
  };
  ScratchDir tmp;
  auto store = Store::create(tmp / "w.liaison");
  importScenario(kScenarios / "valid", *store);
  const State before = stateOf(*store);
  for (const auto& [folder, message] : expected) {
    INFO(folder);
    CHECK(importError(kScenarios / folder, *store) == message);
    CHECK(store->revision() == before.revision);
    CHECK(store->journalLength() == before.journal);
    requireSameData(*before.snap, *store->load());
  }
  // Every malformed folder in the fixtures is covered above.
  for (const auto& entry : fs::directory_iterator(kScenarios))
    if (entry.path().filename() != "valid")
      CHECK(expected.count(entry.path().filename().string()) == 1);
}

TEST_CASE("scenario: ImportError carries its parts", "[scenario]") {
  ScratchDir tmp;
  auto store = Store::create(tmp / "w.liaison");
  try {
    importScenario(kScenarios / "out_of_range", *store);
    FAIL("no error");
  } catch (const ImportError& e) {
    CHECK(e.file() == "channels.csv");
    CHECK(e.line() == 3);
    CHECK(e.column() == 9);
    CHECK(e.reason() == "reliability 1.4 is out of range; expected a number from 0 to 1");
  }
  CHECK(store->revision() == 0);
  CHECK(store->journalLength() == 0);
}

TEST_CASE("scenario: more refusals, each at its place", "[scenario]") {
  ScratchDir tmp;
  auto store = Store::create(tmp / "w.liaison");
  const auto dir = tmp / "s";
  fs::create_directories(dir);
  const std::string agencies =
      "id,code,name,type,role\n1,RCFD,Fire,fire,assisting\n2,RCPD,Police,law,assisting\n";
  writeText(dir / "agencies.csv", agencies);
  const auto refuse = [&](const std::string& file, const std::string& text) {
    writeText(dir / file, text);
    const std::string message = importError(dir, *store);
    fs::remove(dir / file);
    writeText(dir / "agencies.csv", agencies);
    return message;
  };
  CHECK(refuse("agencies.csv", "") ==
        "agencies.csv:1:1: the file is empty; expected a header line with the columns id, code, "
        "name, type, role, discipline, jurisdiction, location, lat, lon, agreements, resources, "
        "personnel, condition, constraints, rep_location, notes, status");
  CHECK(refuse("agencies.csv", "id,code,name,type,role,code\n") ==
        "agencies.csv:1:6: column 'code' appears twice (first as column 2); expected each "
        "column once");
  CHECK(refuse("agencies.csv", "id,code,name,type,role\n1,RCFD,Fire,fire\n") ==
        "agencies.csv:2:5: the line has 4 fields but the header has 5; expected 5 fields (an "
        "empty cell still needs its comma)");
  CHECK(refuse("agencies.csv", "id,code,name,type,role\n1,RCFD,Fire,fire,assisting,x\n") ==
        "agencies.csv:2:6: the line has 6 fields but the header has 5; expected 5 fields (an "
        "empty cell still needs its comma)");
  CHECK(refuse("agencies.csv", "id,code,name,type,role\n0,RCFD,Fire,fire,assisting\n") ==
        "agencies.csv:2:1: id '0' is not a valid id; expected a positive whole number, e.g. 12");
  CHECK(refuse("agencies.csv",
               "id,code,name,type,role\n1,RCFD,Fire,fire,assisting\n"
               "2,RCFD,Police,law,assisting\n") ==
        "agencies.csv:3:2: duplicate code 'RCFD' (first on line 2); expected codes unique "
        "within agencies.csv");
  CHECK(refuse("agencies.csv", "id,code,name,type,role,lat\n1,RCFD,Fire,fire,assisting,41\n") ==
        "agencies.csv:2:6: lon is empty but lat is set; expected both lat and lon, or neither");
  CHECK(refuse("agencies.csv", "id,code,name,type,role,personnel\n1,R,F,fire,assisting,-2\n") ==
        "agencies.csv:2:6: personnel -2 is out of range; expected a whole number, 0 or more");
  CHECK(refuse("agencies.csv", "id,code,name,type,role\n1,RCFD,\"  \",fire,assisting\n") ==
        "agencies.csv:2:3: name is empty; expected a non-empty text");
  CHECK(refuse("channels.csv",
               "id,from_representative,to_representative,from_agency,to_agency,medium,"
               "latency_min,reliability\n7,,,1,1,radio,1,1\n") ==
        "channels.csv:2:5: to_agency 1 is the same as from_agency; expected a different agency");
  CHECK(refuse("channels.csv",
               "id,from_agency,to_agency,medium,latency_min,reliability\n7,1,,radio,1,1\n") ==
        "channels.csv:2:3: to_agency is empty but from_agency is set; expected both or neither");
  CHECK(refuse("channels.csv",
               "id,from_agency,to_agency,medium,latency_min,reliability,direction\n"
               "7,1,2,radio,1,1,both\n") ==
        "channels.csv:2:7: direction 'both' is not a valid direction; expected one of two_way "
        "or one_way");
  CHECK(refuse("contacts.csv", "representative,kind,value\n5,cell,555-0100\n") ==
        "contacts.csv:2:1: unknown representative 5 in representative; expected an id in "
        "representatives.csv");
  CHECK(refuse("needs.csv", "id,agency_a,agency_b,source\n1,1,2,task\n") ==
        "needs.csv:2:4: source is task but task is empty; expected an id in tasks.csv");
  CHECK(refuse("incidents.csv",
               "id,name,start,end\n1,X,2026-05-14T08:30:00Z,2026-05-14T08:00:00Z\n") ==
        "incidents.csv:2:4: end 2026-05-14T08:00:00Z is not after start; expected a time after "
        "2026-05-14T08:30:00Z");
  writeText(dir / "incidents.csv", "id,name,start\n1,X,2026-05-14T08:30:00Z\n");
  CHECK(refuse("tasks.csv", "id,incident,title,depends_on\n1,1,A,2\n2,1,B,3\n3,1,C,1\n") ==
        "tasks.csv:4:4: depends_on makes a cycle (1 -> 2 -> 3 -> 1); expected dependencies "
        "without cycles");
  CHECK(refuse("tasks.csv", "id,incident,title,depends_on\n1,1,A,1\n") ==
        "tasks.csv:2:4: task 1 depends on itself; expected ids of other tasks in tasks.csv");
  CHECK(refuse("events.csv",
               "id,incident,time,kind,text,agencies\n"
               "1,1,2026-05-14T08:30:00Z,note,x,1;1\n") ==
        "events.csv:2:6: agencies lists 1 twice; expected each id once");
  CHECK(refuse("events.csv",
               "id,incident,time,kind,text,agencies\n"
               "1,1,2026-05-14T08:30:00Z,note,x,1;x\n") ==
        "events.csv:2:6: agencies '1;x' is not a list of ids; expected positive whole numbers "
        "separated by ';', e.g. 3;7;12");
  CHECK(refuse("features.geojson",
               "{\"type\": \"FeatureCollection\", \"features\": [\n"
               "  {\"type\": \"Feature\", \"id\": 1, \"geometry\": {\"type\": \"Point\", "
               "\"coordinates\": [0, 0]}, \"properties\": {\"kind\": \"zone\", \"agency\": 7}}\n"
               "]}") ==
        "features.geojson:2:127: unknown agency 7 in agency; expected an id in agencies.csv");
  CHECK(refuse("features.geojson",
               "{\"type\": \"FeatureCollection\", \"features\": [\n"
               "  {\"type\": \"Feature\", \"id\": \"a\", \"geometry\": {\"type\": \"Point\", "
               "\"coordinates\": [0, 0]}, \"properties\": {\"kind\": \"zone\"}}\n"
               "]}") ==
        "features.geojson:2:29: feature id \"a\" is not a valid id; expected a positive whole "
        "number, e.g. 12");
  fs::remove(dir / "agencies.csv");
  CHECK(importError(dir, *store) ==
        "agencies.csv: the file is missing; every scenario folder needs agencies.csv");
  CHECK(store->revision() == 0);
  CHECK(store->journalLength() == 0);
}
