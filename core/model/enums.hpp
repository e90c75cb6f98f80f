// Spellings of the domain enumerations as they appear in CSV, JSON and the journal, and their
// parsing. One table per enumeration, so the list of valid values in an error message can
// never drift from what the parser accepts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::core {

template <class E>
struct EnumTable;  // specialised below: static constexpr std::pair<E, std::string_view> values[]

#define LIAISON_ENUM_TABLE(E, ...)                                      \
  template <>                                                           \
  struct EnumTable<E> {                                                 \
    static constexpr std::pair<E, std::string_view> values[] = {__VA_ARGS__}; \
  };

LIAISON_ENUM_TABLE(AgencyType, {AgencyType::Fire, "fire"}, {AgencyType::Law, "law"},
                   {AgencyType::Ems, "ems"}, {AgencyType::Hospital, "hospital"},
                   {AgencyType::PublicHealth, "public_health"},
                   {AgencyType::PublicWorks, "public_works"}, {AgencyType::Utility, "utility"},
                   {AgencyType::School, "school"}, {AgencyType::Transit, "transit"},
                   {AgencyType::Ngo, "ngo"}, {AgencyType::Media, "media"},
                   {AgencyType::Government, "government"}, {AgencyType::Military, "military"},
                   {AgencyType::Private, "private"}, {AgencyType::Other, "other"})
LIAISON_ENUM_TABLE(AgencyRole, {AgencyRole::Assisting, "assisting"},
                   {AgencyRole::Cooperating, "cooperating"})
LIAISON_ENUM_TABLE(ContactKind, {ContactKind::Phone, "phone"}, {ContactKind::Cell, "cell"},
                   {ContactKind::Radio, "radio"}, {ContactKind::Email, "email"},
                   {ContactKind::Pager, "pager"}, {ContactKind::SatPhone, "satphone"},
                   {ContactKind::Fax, "fax"}, {ContactKind::Other, "other"})
LIAISON_ENUM_TABLE(Medium, {Medium::Radio, "radio"}, {Medium::Phone, "phone"},
                   {Medium::Email, "email"}, {Medium::InPerson, "in_person"},
                   {Medium::DataLink, "data_link"})
LIAISON_ENUM_TABLE(Status, {Status::Up, "up"}, {Status::Degraded, "degraded"},
                   {Status::Down, "down"})
LIAISON_ENUM_TABLE(InfrastructureKind, {InfrastructureKind::Tower, "tower"},
                   {InfrastructureKind::Repeater, "repeater"},
                   {InfrastructureKind::TrunkedSystem, "trunked_system"},
                   {InfrastructureKind::DispatchCentre, "dispatch_centre"},
                   {InfrastructureKind::PhoneExchange, "phone_exchange"},
                   {InfrastructureKind::InternetUplink, "internet_uplink"},
                   {InfrastructureKind::PowerFeed, "power_feed"},
                   {InfrastructureKind::Building, "building"},
                   {InfrastructureKind::Network, "network"}, {InfrastructureKind::Other, "other"})
LIAISON_ENUM_TABLE(Priority, {Priority::Critical, "critical"}, {Priority::High, "high"},
                   {Priority::Normal, "normal"}, {Priority::Low, "low"})
LIAISON_ENUM_TABLE(NeedSource, {NeedSource::Manual, "manual"}, {NeedSource::Task, "task"},
                   {NeedSource::Agreement, "agreement"})
LIAISON_ENUM_TABLE(EventKind, {EventKind::Report, "report"}, {EventKind::Decision, "decision"},
                   {EventKind::Request, "request"}, {EventKind::Message, "message"},
                   {EventKind::Status, "status"}, {EventKind::Resource, "resource"},
                   {EventKind::Alert, "alert"}, {EventKind::Inject, "inject"},
                   {EventKind::Note, "note"})
LIAISON_ENUM_TABLE(TaskStatus, {TaskStatus::Todo, "todo"}, {TaskStatus::Doing, "doing"},
                   {TaskStatus::Blocked, "blocked"}, {TaskStatus::Done, "done"})
LIAISON_ENUM_TABLE(MessageKind, {MessageKind::Call, "call"}, {MessageKind::Radio, "radio"},
                   {MessageKind::Email, "email"}, {MessageKind::InPerson, "in_person"},
                   {MessageKind::Chat, "chat"}, {MessageKind::Ics213, "ics213"})
LIAISON_ENUM_TABLE(GeometryKind, {GeometryKind::Point, "point"}, {GeometryKind::Line, "line"},
                   {GeometryKind::Polygon, "polygon"})
LIAISON_ENUM_TABLE(FeatureKind, {FeatureKind::IncidentSite, "incident_site"},
                   {FeatureKind::CommandPost, "command_post"},
                   {FeatureKind::StagingArea, "staging_area"}, {FeatureKind::Shelter, "shelter"},
                   {FeatureKind::Hospital, "hospital"}, {FeatureKind::Zone, "zone"},
                   {FeatureKind::Road, "road"}, {FeatureKind::River, "river"},
                   {FeatureKind::Boundary, "boundary"}, {FeatureKind::Landmark, "landmark"},
                   {FeatureKind::Other, "other"})
LIAISON_ENUM_TABLE(EntityKind, {EntityKind::Agency, "agency"},
                   {EntityKind::Representative, "representative"},
                   {EntityKind::Channel, "channel"}, {EntityKind::Need, "need"},
                   {EntityKind::Incident, "incident"},
                   {EntityKind::OperationalPeriod, "operational_period"},
                   {EntityKind::Event, "event"}, {EntityKind::Task, "task"},
                   {EntityKind::MapFeature, "map_feature"},
                   {EntityKind::Infrastructure, "infrastructure"},
                   {EntityKind::Message, "message"},
                   {EntityKind::PublicItem, "public_item"},
                   {EntityKind::Objective, "objective"})
LIAISON_ENUM_TABLE(ObjectiveStatus, {ObjectiveStatus::NotStarted, "not_started"},
                   {ObjectiveStatus::InProgress, "in_progress"}, {ObjectiveStatus::Met, "met"},
                   {ObjectiveStatus::NotMet, "not_met"})
LIAISON_ENUM_TABLE(PublicKind, {PublicKind::PressRelease, "press_release"},
                   {PublicKind::SocialPost, "social_post"},
                   {PublicKind::CallLineScript, "call_line_script"}, {PublicKind::Faq, "faq"},
                   {PublicKind::RumourControl, "rumour_control"},
                   {PublicKind::PublicAlert, "public_alert"})
LIAISON_ENUM_TABLE(PublicStatus, {PublicStatus::Draft, "draft"},
                   {PublicStatus::Checked, "checked"}, {PublicStatus::Approved, "approved"},
                   {PublicStatus::Released, "released"},
                   {PublicStatus::Superseded, "superseded"},
                   {PublicStatus::Cancelled, "cancelled"})
LIAISON_ENUM_TABLE(CapCategory, {CapCategory::Geo, "geo"}, {CapCategory::Met, "met"},
                   {CapCategory::Safety, "safety"}, {CapCategory::Security, "security"},
                   {CapCategory::Rescue, "rescue"}, {CapCategory::Fire, "fire"},
                   {CapCategory::Health, "health"}, {CapCategory::Env, "env"},
                   {CapCategory::Transport, "transport"}, {CapCategory::Infra, "infra"},
                   {CapCategory::Cbrne, "cbrne"}, {CapCategory::Other, "other"})
LIAISON_ENUM_TABLE(CapUrgency, {CapUrgency::Immediate, "immediate"},
                   {CapUrgency::Expected, "expected"}, {CapUrgency::Future, "future"},
                   {CapUrgency::Past, "past"}, {CapUrgency::Unknown, "unknown"})
LIAISON_ENUM_TABLE(CapSeverity, {CapSeverity::Extreme, "extreme"},
                   {CapSeverity::Severe, "severe"}, {CapSeverity::Moderate, "moderate"},
                   {CapSeverity::Minor, "minor"}, {CapSeverity::Unknown, "unknown"})
LIAISON_ENUM_TABLE(CapCertainty, {CapCertainty::Observed, "observed"},
                   {CapCertainty::Likely, "likely"}, {CapCertainty::Possible, "possible"},
                   {CapCertainty::Unlikely, "unlikely"}, {CapCertainty::Unknown, "unknown"})
#undef LIAISON_ENUM_TABLE

template <class E>
constexpr std::string_view toString(E value) {
  for (const auto& [v, s] : EnumTable<E>::values)
    if (v == value) return s;
  return "?";
}

// Exact, case-sensitive match on the documented spelling.
template <class E>
constexpr std::optional<E> parseEnum(std::string_view text) {
  for (const auto& [v, s] : EnumTable<E>::values)
    if (s == text) return v;
  return std::nullopt;
}

// "a, b or c": the valid spellings, for error messages.
template <class E>
std::string validValues() {
  std::string out;
  constexpr auto n = std::size(EnumTable<E>::values);
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out += (i + 1 == n) ? " or " : ", ";
    out += EnumTable<E>::values[i].second;
  }
  return out;
}

}  // namespace liaison::core
