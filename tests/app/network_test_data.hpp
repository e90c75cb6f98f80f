// A small hand-built network for the network view tests: four agencies (one without people),
// seven representatives, channels of every medium, one agency-to-agency channel.
#pragma once

#include <memory>
#include <string>

#include "core/model/snapshot.hpp"

namespace liaison::app::test {

inline std::shared_ptr<core::Snapshot> makeNetworkSnapshot(std::uint64_t version = 3) {
  auto s = std::make_shared<core::Snapshot>();
  s->version = version;
  auto agency = [&](core::Id id, std::string code, core::AgencyType type) {
    core::Agency a;
    a.id = id;
    a.code = code;
    a.name = code + " agency";
    a.type = type;
    s->agencies.push_back(a);
  };
  agency(1, "RCFD", core::AgencyType::Fire);
  agency(2, "RCPD", core::AgencyType::Law);
  agency(3, "ARC", core::AgencyType::Ngo);
  agency(4, "KRTV", core::AgencyType::Media);
  auto rep = [&](core::Id id, core::Id ag, std::string name) {
    core::Representative r;
    r.id = id;
    r.agency = ag;
    r.name = std::move(name);
    r.position = "Agency Representative";
    r.contacts = {{core::ContactKind::Cell, "555-0142", true, ""},
                  {core::ContactKind::Radio, "TG 2104", false, ""}};
    s->representatives.push_back(r);
  };
  rep(101, 1, "Dana Whitfield");
  rep(102, 1, "Marco Okafor");
  rep(103, 1, "Lee Chang");
  rep(201, 2, "Priya Nandakumar");
  rep(202, 2, "Sam Ortiz");
  rep(203, 2, "Jo Brandt");
  rep(301, 3, "Ana Reyes");
  auto channel = [&](core::Id id, core::Id a, core::Id b, core::Medium m,
                     core::ChannelStatus st = core::ChannelStatus::Up) {
    core::Channel c;
    c.id = id;
    c.from_rep = a;
    c.to_rep = b;
    c.medium = m;
    c.status = st;
    s->channels.push_back(c);
  };
  channel(1, 101, 102, core::Medium::Radio);
  channel(2, 102, 103, core::Medium::Phone);
  channel(3, 101, 201, core::Medium::Email);  // the only fire-police link: a bridge
  channel(4, 201, 202, core::Medium::InPerson);
  channel(5, 202, 203, core::Medium::DataLink, core::ChannelStatus::Degraded);
  channel(6, 203, 301, core::Medium::Phone, core::ChannelStatus::Down);
  core::Channel agencyLink;
  agencyLink.id = 7;
  agencyLink.from_agency = 2;
  agencyLink.to_agency = 3;
  agencyLink.medium = core::Medium::Radio;
  s->channels.push_back(agencyLink);
  core::Need need;
  need.id = 1;
  need.agency_a = 1;
  need.agency_b = 3;
  s->needs.push_back(need);
  return s;
}

}  // namespace liaison::app::test
