// The liaison's domain as plain value types: agencies, representatives, channels, needs,
// incidents and their operational periods, timeline events, tasks, map features, the shared
// infrastructure that channels and people depend on, and the log of messages actually passed.
// Every entity has a stable 64-bit id; times are UTC seconds since the Unix epoch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace liaison::core {

using Id = std::int64_t;      // stable, > 0; 0 means "not assigned yet"
using TimeUtc = std::int64_t;  // seconds since 1970-01-01T00:00:00Z

// ---- enumerations (their spellings are the CSV / JSON values; see enums.hpp) ----------------

enum class AgencyType {
  Fire, Law, Ems, Hospital, PublicHealth, PublicWorks, Utility, School, Transit, Ngo, Media,
  Government, Military, Private, Other
};
// ICS: assisting agencies commit tactical resources; cooperating agencies support outside command.
enum class AgencyRole { Assisting, Cooperating };
enum class ContactKind { Phone, Cell, Radio, Email, Pager, SatPhone, Fax, Other };
enum class Medium { Radio, Phone, Email, InPerson, DataLink };
// Whether something can carry traffic: channels, infrastructure and agencies. Degraded still
// carries traffic but degrades every need that depends on it (see core/analysis/availability).
enum class Status { Up, Degraded, Down };
using ChannelStatus = Status;
// Shared infrastructure: what carries many channels (and people) at once.
enum class InfrastructureKind {
  Tower, Repeater, TrunkedSystem, DispatchCentre, PhoneExchange, InternetUplink, PowerFeed,
  Building, Network, Other
};
enum class Priority { Critical, High, Normal, Low };
enum class NeedSource { Manual, Task, Agreement };
enum class EventKind { Report, Decision, Request, Message, Status, Resource, Alert, Inject, Note };
enum class TaskStatus { Todo, Doing, Blocked, Done };
// How a message was passed (an ICS 213 is the written General Message form).
enum class MessageKind { Call, Radio, Email, InPerson, Chat, Ics213 };
enum class GeometryKind { Point, Line, Polygon };
enum class FeatureKind {
  IncidentSite, CommandPost, StagingArea, Shelter, Hospital, Zone, Road, River, Boundary,
  Landmark, Other
};

// Public information (issue 18): what the liaison and the PIO release to the public.
enum class PublicKind { PressRelease, SocialPost, CallLineScript, Faq, RumourControl, PublicAlert };
// Draft -> Checked -> Approved -> Released -> Superseded / Cancelled (core/model/public_info.hpp).
enum class PublicStatus { Draft, Checked, Approved, Released, Superseded, Cancelled };
// CAP 1.2's enumerations (OASIS CAP 1.2 section 3.2.2), spelled in lower case here.
enum class CapCategory {
  Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, Cbrne, Other
};
// ICS 202 objectives: where each stands.
enum class ObjectiveStatus { NotStarted, InProgress, Met, NotMet };
enum class CapUrgency { Immediate, Expected, Future, Past, Unknown };
enum class CapSeverity { Extreme, Severe, Moderate, Minor, Unknown };
enum class CapCertainty { Observed, Likely, Possible, Unlikely, Unknown };

struct LonLat {
  double lon = 0.0;  // WGS-84 degrees, RFC 7946 order
  double lat = 0.0;
  bool operator==(const LonLat&) const = default;
};

// ---- entities ---------------------------------------------------------------------------------

// One method of contact of a representative (ICS 205A). Sensitive ones (private cell numbers)
// are never shown on the wall display or in its screenshots.
struct ContactMethod {
  ContactKind kind = ContactKind::Phone;
  std::string value;  // number, talkgroup, address
  bool sensitive = false;
  std::string note;
  bool operator==(const ContactMethod&) const = default;
};

// An assisting or cooperating agency with the liaison officer's checklist fields.
struct Agency {
  Id id = 0;
  std::string code;  // short name shown on the wall, e.g. "RFD"
  std::string name;
  AgencyType type = AgencyType::Other;
  AgencyRole role = AgencyRole::Cooperating;
  std::string discipline;   // discipline or emergency support function, e.g. "ESF-4 Firefighting"
  std::string jurisdiction;
  std::string location;     // address or description
  std::optional<LonLat> position;
  std::string agreements;   // mutual aid, MOUs
  std::string resources;    // resource types and numbers
  int personnel = 0;
  std::string condition;    // condition of personnel and equipment
  std::string constraints;  // constraints and limitations
  std::string rep_location; // where its representative sits (e.g. "EOC seat 12")
  std::string notes;
  Status status = Status::Up;  // down: the whole agency is out (its people carry nothing)
  bool operator==(const Agency&) const = default;
};

struct Representative {
  Id id = 0;
  Id agency = 0;
  std::string name;
  std::string position;  // ICS position, e.g. "Agency Representative"
  std::string shift;     // e.g. "07:00-19:00"
  bool on_duty = true;
  std::vector<ContactMethod> contacts;
  std::optional<LonLat> location;  // where the person sits or stands, when known
  std::vector<Id> carried_by;      // infrastructure the person depends on (a building, ...)
  bool operator==(const Representative&) const = default;
};

// A communication channel between two representatives or between two agencies
// (exactly one of the two endpoint pairs is set).
struct Channel {
  Id id = 0;
  Id from_rep = 0, to_rep = 0;
  Id from_agency = 0, to_agency = 0;
  Medium medium = Medium::Phone;
  std::string identifier;  // talkgroup, number, address
  double latency_min = 1.0;
  double reliability = 0.95;  // 0..1
  ChannelStatus status = ChannelStatus::Up;
  bool two_way = true;
  std::string notes;
  std::vector<Id> carried_by;  // infrastructure the channel rides on (tower, exchange, ...)
  bool betweenReps() const { return from_rep != 0; }
  bool operator==(const Channel&) const = default;
};

// Two agencies that must coordinate.
struct Need {
  Id id = 0;
  Id agency_a = 0, agency_b = 0;
  std::string reason;
  Priority priority = Priority::Normal;
  NeedSource source = NeedSource::Manual;
  Id task = 0;  // when source == Task
  // The need's service level; unset: the priority's default (core/analysis/need_policy.hpp).
  std::optional<double> latency_budget;     // minutes
  std::optional<double> reliability_floor;  // 0..1
  bool operator==(const Need&) const = default;
};

struct Incident {
  Id id = 0;
  std::string name;
  std::string number;  // incident number
  std::string kind;    // e.g. "Hazardous materials release"
  bool exercise = false;
  TimeUtc start = 0;
  std::optional<TimeUtc> end;
  std::string location;
  std::string description;
  std::string time_zone;  // IANA name such as "America/Chicago"; "" = UTC
  bool operator==(const Incident&) const = default;
};

struct OperationalPeriod {
  Id id = 0;
  Id incident = 0;
  int number = 1;
  TimeUtc start = 0, end = 0;
  std::string objectives;
  bool operator==(const OperationalPeriod&) const = default;
};

struct TimelineEvent {
  Id id = 0;
  Id incident = 0;
  TimeUtc time = 0;
  EventKind kind = EventKind::Note;
  std::vector<Id> agencies;
  std::string text;
  std::string source;  // who or what reported it
  bool significant = false;
  bool operator==(const TimelineEvent&) const = default;
};

struct Task {
  Id id = 0;
  Id incident = 0;
  std::string title;
  std::string description;
  TaskStatus status = TaskStatus::Todo;
  Priority priority = Priority::Normal;
  Id owner_agency = 0;
  Id owner_rep = 0;
  std::vector<Id> involved;    // agencies
  std::optional<TimeUtc> due;
  std::vector<Id> depends_on;  // tasks
  // Its history, so a past moment can be replayed: when it was created, last started (went
  // to doing), last blocked and done. Unset when not known.
  std::optional<TimeUtc> created_at, started_at, blocked_at, done_at;
  bool operator==(const Task&) const = default;
};

// A map feature. Point: one ring with one coordinate. Line: one ring. Polygon: outer ring
// first, then holes (closed rings, first == last, as in RFC 7946).
struct MapFeature {
  Id id = 0;
  GeometryKind geometry = GeometryKind::Point;
  FeatureKind kind = FeatureKind::Other;
  std::string label;
  Id agency = 0;
  Id incident = 0;
  std::string layer;  // "workspace" for the liaison's own features, else the layer's name
  std::vector<std::vector<LonLat>> rings;
  std::string properties_json = "{}";  // extra GeoJSON properties, verbatim
  bool operator==(const MapFeature&) const = default;
};

// Something that carries many channels or people at once: a tower or repeater site, a trunked
// radio system, a dispatch centre's consoles, a phone exchange, an internet uplink, a power
// feed, a building. When it is down, everything it carries is down.
struct Infrastructure {
  Id id = 0;
  std::string name;
  InfrastructureKind kind = InfrastructureKind::Other;
  Status status = Status::Up;
  std::optional<LonLat> position;  // a point on the map
  Id feature = 0;                  // or a footprint: a map feature (zone) of the workspace
  std::vector<Id> depends_on;      // other infrastructure it needs (its power feed, ...)
  std::string notes;
  bool operator==(const Infrastructure&) const = default;
};

// One message that was actually passed: who said what to whom, when and over what. From a
// person, or from an agency when the person is not known (exactly one of the two); to one or
// more people and/or agencies. The log of what really happened, beside the needs (what should)
// and the channels (what could): core/analysis/communications.hpp compares the three.
struct Message {
  Id id = 0;
  TimeUtc time = 0;
  Id from_rep = 0, from_agency = 0;
  std::vector<Id> to_reps, to_agencies;
  Id channel = 0;                // the channel it went over, when known
  Medium medium = Medium::Phone;  // always set (the channel's medium when there is one)
  MessageKind kind = MessageKind::Call;
  std::string subject;
  std::string text;
  Id need = 0;      // the need it served, when known
  Id task = 0;      // the task it was about, when known
  Id reply_to = 0;  // the (earlier) message it answers
  std::string recorded_by;  // the station or person that logged it
  bool sensitive = false;   // its text is never shown on the wall or in its screenshots
  bool operator==(const Message&) const = default;
};

// A public information item: a press release, a social media post, a call-line script or FAQ, a
// rumour-control item or a public alert. Its title and body may hold placeholders ({incident},
// {period}, ...; public_info.hpp) filled from the workspace when it is released: the filled
// text is kept in released_title / released_body and the item is frozen from then on (a change
// is a new version that supersedes it). The store enforces the workflow.
struct PublicItem {
  Id id = 0;
  Id incident = 0;
  PublicKind kind = PublicKind::PressRelease;
  std::string title;
  std::string body;
  PublicStatus status = PublicStatus::Draft;
  Id checked_by = 0;   // representative who fact-checked it
  Id approved_by = 0;  // representative who approved it
  std::optional<TimeUtc> approved_at;  // operational time (the exercise clock in a drill)
  std::string channel;                 // where it went out: "press conference", "X", "IPAWS"
  std::optional<TimeUtc> released_at;  // operational time
  std::string released_title, released_body;  // the text as released (placeholders filled)
  int version = 1;
  Id supersedes = 0;  // the released item this version replaces
  // Public alerts (CAP 1.2 info block)
  std::string event;  // "Chemical release"
  CapUrgency urgency = CapUrgency::Unknown;
  CapSeverity severity = CapSeverity::Unknown;
  CapCertainty certainty = CapCertainty::Unknown;
  CapCategory category = CapCategory::Other;
  std::string instruction;
  Id area = 0;  // a map feature: a polygon, or a point with a radius_km property (a circle)
  bool operator==(const PublicItem&) const = default;
};

// An incident objective of an operational period (ICS 202), with its status and the tasks and
// needs that serve it.
struct Objective {
  Id id = 0;
  Id period = 0;
  int number = 1;  // its place in the period's list
  std::string text;
  ObjectiveStatus status = ObjectiveStatus::NotStarted;
  std::vector<Id> tasks;
  std::vector<Id> needs;
  std::string notes;
  bool operator==(const Objective&) const = default;
};

enum class EntityKind {
  Agency, Representative, Channel, Need, Incident, OperationalPeriod, Event, Task, MapFeature,
  Infrastructure, Message, PublicItem, Objective
};

using Entity = std::variant<Agency, Representative, Channel, Need, Incident, OperationalPeriod,
                            TimelineEvent, Task, MapFeature, Infrastructure, Message, PublicItem,
                            Objective>;

EntityKind kindOf(const Entity& e);
Id idOf(const Entity& e);

}  // namespace liaison::core
