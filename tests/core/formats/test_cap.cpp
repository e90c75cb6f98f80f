// CAP 1.2: what Liaison writes validates against the OASIS schema (status Exercise in an
// exercise, Update with references for a superseding alert, Cancel, polygon and circle areas);
// what it reads is refused at file:line:column when malformed (wrong namespace, not
// schema-valid, too deep, open or out-of-range polygons), and an import is all or nothing.
#include <catch2/catch.hpp>

#include "core/formats/cap.hpp"
#include "core/model/errors.hpp"
#include "core/reports/public_info.hpp"
#include "tests/core/store/store_test_util.hpp"

using namespace liaison::core;

namespace {

const char* kGood = R"(<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>NWS-1</identifier>
  <sender>w-nws.webmaster@noaa.gov</sender>
  <sent>2026-05-14T08:30:00-04:00</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <category>Met</category>
    <event>Severe Thunderstorm Warning</event>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Observed</certainty>
    <headline>Severe thunderstorm warning for River City</headline>
    <area>
      <areaDesc>River City</areaDesc>
      <polygon>38.1,-90.2 38.2,-90.2 38.2,-90.1 38.1,-90.2</polygon>
      <circle>38.15,-90.15 5</circle>
    </area>
  </info>
</alert>
)";

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

std::string errorOf(const std::string& xml) {
  try {
    parseCapXml(xml, "a.xml");
  } catch (const ImportError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a CAP alert is read with its areas", "[cap]") {
  const CapAlert a = parseCapXml(kGood, "a.xml");
  CHECK(a.identifier == "NWS-1");
  CHECK(parseCapTime(a.sent) == std::optional<TimeUtc>(1'778'761'800));  // 12:30Z
  REQUIRE(a.infos.size() == 1);
  REQUIRE(a.infos[0].areas.size() == 1);
  CHECK(a.infos[0].areas[0].polygons[0].size() == 4);
  CHECK(a.infos[0].areas[0].polygons[0][0] == LonLat{-90.2, 38.1});
  CHECK(a.infos[0].areas[0].circles[0].radius_km == 5);
}

TEST_CASE("malformed CAP is refused at file:line:column", "[cap]") {
  CHECK(errorOf(replaced(kGood, "urn:oasis:names:tc:emergency:cap:1.2", "urn:example:cap")) ==
        "a.xml:2:1: the root is <alert> in namespace \"urn:example:cap\"; expected <alert> in "
        "urn:oasis:names:tc:emergency:cap:1.2 (CAP 1.2)");
  CHECK_THAT(errorOf(replaced(kGood, "<status>Actual", "<status>Rumour")),
             Catch::StartsWith("a.xml:6:") && Catch::Contains("not valid CAP 1.2 (OASIS schema)"));
  CHECK_THAT(errorOf(replaced(kGood, "<scope>Public</scope>", "")),
             Catch::Contains("not valid CAP 1.2"));
  CHECK(errorOf(replaced(kGood, "38.1,-90.2</polygon>", "38.3,-90.2</polygon>")) ==
        "a.xml:18:7: polygon is not closed: its last point differs from its first (CAP 1.2 "
        "3.3.2)");
  CHECK_THAT(errorOf(replaced(kGood, "38.1,-90.2 38.2", "98.1,-90.2 38.2")),
             Catch::StartsWith("a.xml:18:7: polygon point \"98.1,-90.2\" is not \"lat,lon\""));
  CHECK_THAT(errorOf(replaced(kGood, "<circle>38.15,-90.15 5", "<circle>38.15,-90.15")),
             Catch::StartsWith("a.xml:19:7: circle is not"));
  CHECK_THAT(errorOf("<alert><unclosed></alert>"), Catch::StartsWith("a.xml:1:") &&
                                                       Catch::Contains("not well-formed XML"));
  std::string deep = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">";
  for (int i = 0; i < 40; ++i) deep += "<note>";
  for (int i = 0; i < 40; ++i) deep += "</note>";
  deep += "</alert>";
  CHECK_THAT(errorOf(deep), Catch::Contains("nested more than 32 deep"));
  // An entity is never expanded (no billion laughs, no external files).
  const std::string entity =
      "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
      replaced(kGood, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
  const std::string withEntity = replaced(entity, "NWS-1", "&x;");
  CHECK_THAT(errorOf(withEntity), Catch::Contains("not valid CAP 1.2") ||
                                      Catch::Contains("not well-formed"));
}

TEST_CASE("a released public alert is written as CAP 1.2 that validates", "[cap][public]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  Incident inc;
  inc.id = 1;
  inc.name = "Chlorine drill";
  inc.number = "EX 14";
  inc.start = 1'778'000'000;
  inc.exercise = true;
  inc.time_zone = "America/New_York";
  Representative r;
  Agency ag;
  ag.id = 1;
  ag.code = "EM";
  ag.name = "Emergency Management";
  r.id = 2;
  r.agency = 1;
  r.name = "Pat";
  MapFeature zone;
  zone.id = 3;
  zone.geometry = GeometryKind::Polygon;
  zone.kind = FeatureKind::Zone;
  zone.label = "Zone A";
  zone.rings = {{{-90.2, 38.1}, {-90.2, 38.2}, {-90.1, 38.2}, {-90.2, 38.1}}};
  store->apply({put(inc), put(ag), put(r), put(zone)}, "t");
  PublicItem p;
  p.kind = PublicKind::PublicAlert;
  p.title = "Shelter in place";
  p.body = "Stay indoors <now> & close windows.";
  p.event = "Chemical release";
  p.urgency = CapUrgency::Immediate;
  p.severity = CapSeverity::Severe;
  p.certainty = CapCertainty::Observed;
  p.category = CapCategory::Cbrne;
  p.instruction = "Shelter in place";
  p.area = 3;
  const Id id = store->apply(put(p), "t").ids[0];
  store->apply(publicCheck(*store->load(), id, 2), "t");
  store->apply(publicApprove(*store->load(), id, 2, 1'778'761'000), "t");
  store->apply(publicRelease(*store->load(), id, "IPAWS", 1'778'761'800), "t");
  const std::string xml = capXml(*store->load(), id, "eoc@rivercity.example");
  CHECK_NOTHROW(validateCapXml(xml, "out.xml"));
  CHECK(xml.find("<status>Exercise</status>") != std::string::npos);
  CHECK(xml.find("<sent>2026-05-14T08:30:00-04:00</sent>") != std::string::npos);
  CHECK(xml.find("<identifier>liaison-EX-14-public-1</identifier>") != std::string::npos);
  CHECK(xml.find("<category>CBRNE</category>") != std::string::npos);
  CHECK(xml.find("<polygon>38.1,-90.2 38.2,-90.2 38.2,-90.1 38.1,-90.2</polygon>") !=
        std::string::npos);
  CHECK(xml.find("Stay indoors &lt;now&gt; &amp; close") != std::string::npos);
  CHECK(xml.find("<headline>EXERCISE: Shelter in place</headline>") != std::string::npos);

  const Id v2 = store->apply(publicSupersede(*store->load(), id), "t").ids[0];
  store->apply(publicCheck(*store->load(), v2, 2), "t");
  store->apply(publicApprove(*store->load(), v2, 2, 1'778'762'000), "t");
  store->apply(publicRelease(*store->load(), v2, "IPAWS", 1'778'763'600), "t");
  const std::string update = capXml(*store->load(), v2, "eoc@rivercity.example");
  CHECK_NOTHROW(validateCapXml(update, "update.xml"));
  CHECK(update.find("<msgType>Update</msgType>") != std::string::npos);
  CHECK(update.find("<references>eoc@rivercity.example,liaison-EX-14-public-1,"
                    "2026-05-14T08:30:00-04:00</references>") != std::string::npos);
  store->apply(publicCancel(*store->load(), v2), "t");
  const std::string cancel = capXml(*store->load(), v2, "eoc@rivercity.example");
  CHECK_NOTHROW(validateCapXml(cancel, "cancel.xml"));
  CHECK(cancel.find("<msgType>Cancel</msgType>") != std::string::npos);
  CHECK(cancel.find("<identifier>liaison-EX-14-public-2-cancel</identifier>") != std::string::npos);

  // A draft is no CAP message.
  CHECK_THROWS_WITH(capXml(*store->load(), store->apply(put(p), "t").ids[0], "s"),
                    Catch::Contains("not released; CAP carries released public alerts only"));
}

TEST_CASE("importing CAP files is all or nothing", "[cap]") {
  testing::TempDir tmp;
  auto store = Store::create(tmp.file("w.liaison"));
  const auto dir = tmp.file("alerts");
  std::filesystem::create_directories(dir);
  testing::writeBytes(dir / "1.xml", kGood);
  testing::writeBytes(dir / "2.xml", replaced(kGood, "<status>Actual", "<status>Nope"));
  CHECK(isCapFolder(dir));
  CHECK(looksLikeCap(dir / "1.xml"));
  CHECK_THROWS_AS(importCap(dir, *store, "t"), ImportError);
  CHECK(store->load()->events.empty());
  CHECK(store->load()->features.empty());
  std::filesystem::remove(dir / "2.xml");
  const CapImportSummary s = importCap(dir, *store, "t");
  CHECK(s.events == 1);
  CHECK(s.zones == 2);
  const SnapshotPtr snap = store->load();
  REQUIRE(snap->events.size() == 1);
  CHECK(snap->events[0].kind == EventKind::Alert);
  CHECK(snap->events[0].time == 1'778'761'800);
  CHECK(snap->events[0].significant);
  CHECK(snap->features[0].geometry == GeometryKind::Polygon);
  CHECK(snap->features[1].geometry == GeometryKind::Point);
  CHECK(snap->features[1].properties_json.find("\"radius_km\":5") != std::string::npos);
}
