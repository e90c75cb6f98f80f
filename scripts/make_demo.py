#!/usr/bin/env python3
"""Generate the Liaison demo exercise into assets/demo/.

EX-2026-014 "River City Chlorine Release": a chlorine tank car leaks in the Riverside rail yard
of River City, an invented town on the invented Tamarack River. Two 12-hour operational
periods, about 30 assisting and cooperating agencies, 120 representatives, 300 channels,
40 communication needs, 200 timeline events, 60 tasks and a map with a small basemap.

Everything here is invented for this project: the town, the river, the agencies' local names,
the people, the phone numbers (all in the fictional 555-01xx range), the e-mail addresses
(.example domains) and the geometry. No third-party data is used.

Usage: python3 scripts/make_demo.py [OUTDIR]      (default: assets/demo next to this script)
Python 3 standard library only. Deterministic: a fixed seed, sorted output, LF line endings,
so every run rewrites the folder byte-identically. The script checks its own output against
the rules of docs/scenario-format.md and asserts the single points of failure it builds in.
"""

import csv
import zlib
import io
import json
import math
import os
import re
import random
import sys
from datetime import datetime, timedelta, timezone

SEED = 20260514
rng = random.Random(SEED)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "assets", "demo")

START = datetime(2026, 5, 14, 12, 30, tzinfo=timezone.utc)  # 08:30 local (EDT, UTC-4)
PERIOD = timedelta(hours=12)
END = START + 2 * PERIOD


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def at(hhmm, day=0):
    """Wall time (UTC) 'HH:MM' on 14 May (day 0) or 15 May (day 1)."""
    h, m = map(int, hhmm.split(":"))
    return datetime(2026, 5, 14 + day, h, m, tzinfo=timezone.utc)


def t(offset_hours):
    return START + timedelta(hours=offset_hours)


# ---- geography: local kilometres around the town centre -> WGS-84 ---------------------------
# River City is invented; the centre below is a plausible spot in a river valley, but nothing
# on the map depicts a real place.
LAT0, LON0 = 41.30215, -77.14870
KM_LAT = 111.0
KM_LON = 111.0 * math.cos(math.radians(LAT0))


def ll(x, y):
    """Local (x east, y north) in km -> [lon, lat] rounded to 6 decimals (~0.1 m)."""
    return [round(LON0 + x / KM_LON, 6), round(LAT0 + y / KM_LAT, 6)]


def latlon(x, y):
    lon, lat = ll(x, y)
    return lat, lon


def ring(points):
    r = [ll(x, y) for x, y in points]
    if r[0] != r[-1]:
        r.append(r[0])
    return r


def circle(cx, cy, r_km, n=24, rx=None):
    rx = r_km if rx is None else rx
    pts = [(cx + rx * math.cos(2 * math.pi * i / n), cy + r_km * math.sin(2 * math.pi * i / n))
           for i in range(n)]
    return ring(pts)


# ---- places ---------------------------------------------------------------------------------
SITE = (-0.70, 0.20)          # tank car on track 4 of the Riverside yard
ICP = (-2.05, 0.45)           # RCFD Station 2, Westgate
EOC = (-2.45, 2.30)           # Tamarack County Annex
RCGH_XY = (-1.25, 1.65)
MVMC_XY = (1.45, -2.15)
SHELTER_N = (-0.35, 2.20)     # Northside High School
SHELTER_S = (0.85, -1.80)     # Southside Community Center
SHELTER_W = (-2.30, 1.45)     # Grace Fellowship Church, Westgate
SCHOOL_RIVERSIDE = (0.30, 0.72)
NURSING_HOME = (0.70, 0.47)

# ---- agencies -------------------------------------------------------------------------------
# code, name, type, role, discipline, jurisdiction, location, xy, agreements, resources,
# personnel, condition, constraints, rep_location, e-mail domain, area code, talkgroup
AGENCIES = [
    ("RCFD", "River City Fire Department", "fire", "assisting", "ESF-4 Firefighting",
     "City of River City", "Station 1, 200 Main St", (0.05, 0.95),
     "Tamarack County Fire Mutual Aid Agreement (2019); automatic aid with Millbrook VFC",
     "4 engines, 1 ladder, 1 rescue, 2 battalion chiefs' vehicles, 1 air/light unit", 46,
     "Fully staffed; Engine 1 crew off for exposure check 13:40-15:00",
     "Only 6 SCBA-qualified members on duty for a second entry; no level-A suits of its own",
     "Unified Command Post (Station 2); agency representative at EOC seat 3",
     "rivercity.example", "570", "TG 2104 FIRE-OPS"),
    ("HAZ14", "Tamarack County Hazardous Materials Response Team 14", "fire", "assisting",
     "ESF-10 Oil and Hazardous Materials", "Tamarack County (all municipalities)",
     "Hazmat 14 quarters, 55 Depot Rd, Millbrook", (-2.90, -1.75),
     "County hazmat team agreement (all municipalities, 2021); state hazmat certification",
     "1 hazmat unit, 1 decon trailer, 8 level-A suits, chlorine kit A/B, 4 multi-gas meters", 22,
     "Team of 11 on scene; one entry team rotated out after 45 min in level A",
     "Cannot cap a tank-car angle valve leak without Chlorine Institute Kit C (shipper's team)",
     "Unified Command Post, hazmat sector", "tamarackcounty.example", "570", "TG 2110 HAZMAT-14"),
    ("RCPD", "River City Police Department", "law", "assisting",
     "ESF-13 Public Safety and Security", "City of River City",
     "Police HQ, 12 Court St", (-0.35, 0.60),
     "County law enforcement mutual aid compact (2018)",
     "18 patrol units, 1 mobile command van, 40 traffic barricades", 38,
     "Two officers treated for chlorine exposure at 13:05; rest fit",
     "Headquarters lies inside evacuation Zone A; operating from the Westgate substation",
     "Unified Command Post; agency representative at EOC seat 4",
     "rivercity.example", "570", "TG 2201 RCPD-MAIN"),
    ("TCSO", "Tamarack County Sheriff's Office", "law", "assisting",
     "ESF-13 Public Safety and Security", "Tamarack County",
     "County Courthouse, 1 Courthouse Sq", (-2.60, 2.05),
     "County law enforcement mutual aid compact (2018)",
     "12 patrol deputies, 1 marine unit, 2 transport vans", 61,
     "Normal", "Marine unit cannot work the river below the yard until DEP clears runoff",
     "EOC seat 5", "tamarackcounty.example", "570", "TG 2301 TCSO-MAIN"),
    ("TVEMS", "Tamarack Valley EMS", "ems", "assisting",
     "ESF-8 Public Health and Medical Services", "River City and four townships",
     "EMS Station, 480 Ridge Rd", (0.90, 1.90),
     "County EMS mutual aid (2020); regional MCI plan; MED-8 hospital radio plan",
     "6 ALS ambulances, 2 BLS ambulances, 1 MCI trailer, 1 supervisor vehicle", 34,
     "Two ambulances out of service for decontamination 14:00-16:30",
     "Mutual-aid ambulances need 40 min from the next county",
     "Unified Command Post (EMS branch); agency representative at EOC seat 6",
     "tvems.example", "570", "TG 2401 EMS-OPS"),
    ("TC911", "Tamarack County 911 Communications Center", "government", "assisting",
     "ESF-2 Communications", "Tamarack County", "County Annex, 90 Hill St (lower level)",
     (-2.42, 2.26), "County radio system agreement; CAD-to-CAD link with the Sheriff",
     "8 console positions, county P25 trunked system, reverse-911", 29,
     "Call volume 6x normal 12:35-14:30; two call-takers called in",
     "Reverse-911 list excludes cell-only households", "911 center (same building as the EOC)",
     "tamarackcounty.example", "570", "TG 2101 FIRE-DISP"),
    ("RCGH", "River City General Hospital", "hospital", "cooperating",
     "ESF-8 Public Health and Medical Services", "Private non-profit hospital, 180 beds",
     "1100 Hospital Dr", RCGH_XY,
     "Regional healthcare coalition MOU (2022); patient transfer agreement with MVMC",
     "24 ED beds, 8 ICU beds available, 1 decontamination tent, 2 ventilators spare", 640,
     "Hospital Incident Command activated 13:20; surge to 130 % in ED",
     "Decon capacity 20 ambulatory patients per hour; no burn unit",
     "Hospital command center (HICS); no EOC seat", "rcgh.example", "570", None),
    ("MVMC", "Mercy Valley Medical Center", "hospital", "cooperating",
     "ESF-8 Public Health and Medical Services", "Private non-profit hospital, 95 beds",
     "300 Valley Rd, Southside", MVMC_XY,
     "Regional healthcare coalition MOU (2022); patient transfer agreement with RCGH",
     "12 ED beds, 3 ICU beds available, decon shower room", 310,
     "Normal; extra respiratory therapists called in", "Only 3 ICU beds; no pediatric ICU",
     "Hospital command center (HICS); no EOC seat", "mvmc.example", "570", None),
    ("TCHD", "Tamarack County Health Department", "public_health", "assisting",
     "ESF-8 Public Health and Medical Services", "Tamarack County",
     "Health Center, 25 Elm St", (-1.70, 1.20),
     "Healthcare coalition lead agency; MOU with American Red Cross for shelter health",
     "Epidemiology team (3), environmental health (4), 2 shelter nurses", 48,
     "Normal", "No toxicologist on staff; relies on poison center and CHEMTREC medical",
     "EOC seat 9 (ESF-8 table)", "tamarackcounty.example", "570", "TG 2750 HEALTH"),
    ("RCDPW", "River City Department of Public Works", "public_works", "assisting",
     "ESF-3 Public Works and Engineering", "City of River City",
     "Municipal Garage, 70 Depot St", (-1.40, -0.05),
     "County public works mutual aid (2017)",
     "3 dump trucks, 2 loaders, 120 barricades, 6 message boards, 1 sand stockpile", 27,
     "Garage is 700 m from the release; crews moved to the Southside yard",
     "Message boards need 90 min to place", "EOC seat 11 (infrastructure table)",
     "rivercity.example", "570", "TG 2501 DPW-OPS"),
    ("RCWA", "River City Water Authority", "utility", "cooperating",
     "ESF-3 Public Works and Engineering (water)", "River City service area",
     "Water Treatment Plant, 5 Intake Rd", (2.60, -0.85),
     "Water/Wastewater Agency Response Network (WARN) member; MOU with DEP for sampling",
     "Treatment plant, 2 storage tanks (4 days), sampling team", 19,
     "Normal", "River intake 3.3 km downstream of the release; can close the intake for 36 h only",
     "EOC seat 12 (infrastructure table)", "rcwa.example", "570", None),
    ("TVPL", "Tamarack Valley Power & Light", "utility", "cooperating",
     "ESF-12 Energy", "Tamarack Valley service territory",
     "Service Center, 900 Industrial Pkwy", (2.30, 1.30),
     "Utility mutual assistance group", "4 line crews, 1 mobile generator (500 kW)", 85,
     "Normal", "Will not enter the hot zone; de-energising the yard takes 30 min",
     "EOC seat 13 (infrastructure table)", "tvpl.example", "570", "TVPL OPS 1"),
    ("RGAS", "Ridgeline Gas Company", "utility", "cooperating",
     "ESF-12 Energy", "Ridgeline Gas distribution area", "District Office, 14 Mill Rd",
     (-1.55, -1.10), "Utility mutual assistance group",
     "3 service crews, leak survey van", 40, "Normal",
     "Shut-offs in Zone A must be restored house by house (about 2 h per 100 homes)",
     "EOC seat 14 (infrastructure table)", "ridgelinegas.example", "570", None),
    ("TVRR", "Tamarack Valley Railroad", "private", "cooperating",
     "Rail carrier (responsible party)", "Tamarack Valley line, milepost 112-131",
     "Riverside yard office, 2 Yard Rd", (-0.95, 0.25),
     "Carrier emergency response plan; contract with the shipper's emergency response team",
     "Yard crew (4), roadmaster, 1 hi-rail truck, replacement empty tank car on order", 12,
     "Yard office evacuated 12:40; crew checked at RCGH, released",
     "Manager of hazardous materials 3 h away; no one authorised to move cars on site until then",
     "Not seated: reaches the county only by phone to the county EM duty officer",
     "tvrr.example", "814", None),
    ("RCASD", "River City Area School District", "school", "cooperating",
     "Education (mass care support: school buildings as shelters)", "River City Area School District",
     "District Administration, 400 School Ln", (0.50, 2.45),
     "MOU with American Red Cross for shelters in district buildings (2020)",
     "6 school buildings, 2 used as shelters, kitchen staff", 410,
     "Riverside Elementary (in Zone A) relocated by bus 13:30-14:15",
     "Bus radios on the transit dispatch talkgroup; no county radio; district office has no EOC seat",
     "District office; no EOC seat", "rcasd.example", "570", None),
    ("TCTA", "Tamarack County Transit Authority", "transit", "assisting",
     "ESF-1 Transportation", "Tamarack County", "Transit Center, 60 Depot St",
     (-1.10, -0.25), "Evacuation transport agreement with the county (2019); dispatches school buses under contract",
     "22 transit buses, 6 paratransit vans, school bus fleet by contract (31)", 96,
     "Transit center inside the 1 km radius; buses staged at Southside Park & Ride",
     "Drivers may refuse runs inside the warm zone; 8 drivers available at a time",
     "EOC seat 15", "tcta.example", "570", "TG 2601 TRANSIT-DISP"),
    ("ARC", "American Red Cross - Tamarack Valley Chapter", "ngo", "cooperating",
     "ESF-6 Mass Care, Emergency Assistance, Housing and Human Services",
     "Tamarack, Lycan and Ashby counties", "Chapter House, 8 Walnut St", (-0.60, 1.40),
     "Shelter MOUs with RCASD (2020) and Grace Fellowship; county mass care plan",
     "3 shelter kits (250 cots each), ERV canteen, 40 trained volunteers", 52,
     "Volunteers arriving; Northside shelter staffed by 13:50",
     "Shelter nursing depends on TCHD; needs the school district to open Northside HS",
     "EOC seat 17 (ESF-6 table)", "arc-tamarack.example", "570", None),
    ("SALV", "The Salvation Army - River City Corps", "ngo", "cooperating",
     "ESF-6 Mass Care (feeding)", "River City", "Corps Community Center, 33 Pine St",
     (0.85, 0.05), "County mass care plan (feeding annex)",
     "1 canteen truck, 3 staff, 15 volunteers", 18,
     "Corps building inside Zone A; canteen moved out at 13:20", "Canteen serves 300 meals per run",
     "EOC seat 18 (ESF-6 table)", "salvationarmy-rc.example", "570", None),
    ("VOAD", "Tamarack County VOAD", "ngo", "cooperating",
     "ESF-6 Mass Care / volunteer management", "Tamarack County",
     "c/o United Way, 5 Market St", (-0.15, 1.20),
     "County volunteer management annex", "Volunteer reception center, 14 member groups", 9,
     "Normal", "Spontaneous volunteers must be kept out of Zone A",
     "EOC seat 19 (ESF-6 table)", "tcvoad.example", "570", None),
    ("WRCV", "WRCV-TV Channel 8", "media", "cooperating", "Media (television)",
     "Tamarack Valley market", "Studio, 1 Broadcast Pl", (1.90, 2.40),
     "", "Live truck, 2 crews", 35, "Normal", "Crews must stay behind the outer perimeter",
     "Joint Information Center briefings", "wrcv.example", "570", None),
    ("WTMR", "WTMR 98.1 FM", "media", "cooperating", "Media (radio); EAS LP-1 station",
     "Tamarack Valley", "Studio and transmitter, Hawk Ridge", (2.70, 2.60),
     "State EAS plan (LP-1)", "Generator-backed transmitter", 11, "Normal",
     "Only one engineer on call overnight", "Joint Information Center briefings",
     "wtmr.example", "570", None),
    ("TCEMA", "Tamarack County Emergency Management Agency", "government", "assisting",
     "ESF-5 Emergency Management", "Tamarack County", "County EOC, County Annex, 90 Hill St",
     EOC, "State EMA agreements; county emergency operations plan; all county mutual aid",
     "EOC (24 seats), mobile communications trailer, county alerting (IPAWS)", 9,
     "EOC activated level 2 at 12:55, level 1 at 13:30",
     "Only two trained duty officers; the night duty officer starts at 00:30",
     "County EOC (EOC manager); Liaison Officer at the Unified Command Post",
     "tamarackcounty.example", "570", "TG 2701 EOC-NET"),
    ("TCBC", "Tamarack County Board of Commissioners", "government", "cooperating",
     "Executive / policy group", "Tamarack County", "County Courthouse, 1 Courthouse Sq",
     (-2.58, 2.02), "", "Disaster declaration authority, county funds", 5, "Normal",
     "Declaration needs two of three commissioners", "EOC policy room",
     "tamarackcounty.example", "570", None),
    ("RCMO", "City of River City - Office of the Mayor", "government", "cooperating",
     "Executive / policy group", "City of River City", "City Hall, 10 Court St",
     (-0.20, 0.66), "", "Emergency declaration authority", 6,
     "City Hall inside Zone A; mayor working from the EOC",
     "Evacuation order is signed by the mayor on Unified Command's advice", "EOC policy room",
     "rivercity.example", "570", None),
    ("STP", "State Police, Troop K", "law", "assisting", "ESF-13 Public Safety and Security",
     "State (Troop K area)", "Troop K Barracks, Route 44 West", (-3.40, 0.70),
     "State-local law enforcement support", "8 troopers, 1 aviation unit on request", 140,
     "Normal", "Aviation unit grounded below 300 m ceiling", "EOC seat 7",
     "statepolice.example", "717", "STATEWIDE LAW 2"),
    ("SEMA", "State Emergency Management Agency", "government", "cooperating",
     "ESF-5 Emergency Management", "State", "State EOC (state capital); liaison at County EOC",
     EOC, "Statewide mutual aid system; EMAC", "State liaison, state EOC at level 3", 120,
     "Normal", "State resources go through a county request in the state incident system",
     "County EOC, state liaison seat 2", "sema.example", "717", "STATEWIDE EM 1"),
    ("DEP", "State Department of Environmental Protection", "government", "assisting",
     "ESF-10 Oil and Hazardous Materials", "State", "North-central regional office; field team on scene",
     (-2.00, 0.40), "MOU with River City Water Authority for sampling; Area Contingency Plan",
     "2 emergency response coordinators, air monitoring (AreaRAE network), water sampling", 16,
     "Normal", "Lab results for river samples need 6 h",
     "Unified Command Post; agency representative at EOC seat 10", "dep.example", "717", None),
    ("CST", "National Guard 3rd Civil Support Team (WMD)", "military", "assisting",
     "ESF-10 Oil and Hazardous Materials (state active duty)", "State",
     "Joint Force HQ; team staged at Westgate Plaza", (-2.40, 0.60),
     "State active duty order through State EMA", "Analytical lab suite, unified command suite, survey team (6)", 22,
     "Arrived 15:40; ready 16:10", "Needs a state mission number before it may enter",
     "Unified Command Post; liaison at EOC seat 8", "ng.example", "717", "CST TAC 1"),
    ("EPA", "U.S. EPA Region 3 Emergency Response", "government", "assisting",
     "ESF-10 Oil and Hazardous Materials", "Federal (Region 3)", "Regional office; OSC on scene",
     (-2.00, 0.42), "National Contingency Plan; Area Contingency Plan",
     "On-Scene Coordinator, START air monitoring team (4), mobile lab on request", 9,
     "OSC on scene 16:25", "Federal funding only if the responsible party does not act",
     "Unified Command Post", "epa-region3.example", "215", None),
    ("FEMA", "FEMA Region III", "government", "cooperating", "ESF-5 Emergency Management (federal)",
     "Federal (Region III)", "Regional Response Coordination Center (remote)", None,
     "Stafford Act programmes if declared", "Liaison officer to the State EOC", 4,
     "Monitoring", "No federal declaration expected", "State EOC (remote)",
     "fema-r3.example", "215", None),
    ("ARES", "Tamarack County ARES/RACES", "other", "cooperating", "ESF-2 Communications (amateur radio)",
     "Tamarack County", "EOC radio room, County Annex", (-2.46, 2.31),
     "RACES plan under county EMA; MOU with American Red Cross for shelter communications",
     "Net control, 3 shelter stations, 147.210 repeater with generator", 17,
     "Normal", "Volunteers; 4 h relief cycle", "EOC radio room",
     "tcares.example", "570", "147.210 TC-ARES"),
    ("CHEMTREC", "CHEMTREC (chemical emergency call center)", "private", "cooperating",
     "Hazardous materials information", "National (24 h call center)", "Call center (remote)",
     None, "Shipper's emergency response contract", "Emergency services specialists, medical on call",
     0, "Normal", "Information only; no resources on scene", "Remote (phone)",
     "chemtrec.example", "703", None),
    ("NECA", "Northeast Chlor-Alkali Inc. Emergency Response Team", "private", "assisting",
     "Shipper / manufacturer emergency response", "Shipper of the product",
     "Plant 180 km away; team on scene from 17:10", (-1.90, 0.35),
     "Carrier-shipper emergency response contract; Chlorine Institute mutual aid",
     "Chlorine Institute Emergency Kit C, transfer equipment, 4 technicians", 4,
     "On scene 17:10", "Kit C capping only; product transfer needs an empty car from TVRR",
     "Unified Command Post (hazmat sector)", "neca.example", "610", None),
]

CODES = [a[0] for a in AGENCIES]
AG_ID = {code: i + 1 for i, code in enumerate(CODES)}

# ---- representatives: key, ICS position, where, shift (D = period 1, N = period 2) ----------
D = "12:30-00:30 UTC"
N = "00:30-12:30 UTC"
ROSTER = {
    "RCFD": [("ic", "Incident Commander (Battalion Chief)", D), ("so", "Safety Officer", D),
             ("ops", "Operations Section Chief", D), ("pio", "Public Information Officer", D),
             ("ar", "Agency Representative", D), ("cap", "Engine 1 Captain (Division A Supervisor)", D),
             ("ic2", "Incident Commander (night relief)", N)],
    "HAZ14": [("ldr", "Hazmat Group Supervisor", D), ("entry", "Entry Team Leader", D),
              ("ref", "Technical Specialist - Hazmat Reference", D),
              ("decon", "Decontamination Leader", D), ("ldr2", "Hazmat Group Supervisor (night relief)", N)],
    "RCPD": [("cmd", "Law Enforcement Branch Director", D), ("ar", "Agency Representative", D),
             ("sgt", "Evacuation Group Supervisor", D), ("tcp", "Traffic Control Sergeant", D),
             ("pio", "Public Information Officer", D), ("d2d", "Door-to-Door Team Leader", D)],
    "TCSO": [("ar", "Agency Representative", D), ("lt", "Patrol Lieutenant", D),
             ("dsp", "Dispatch Supervisor", D), ("mar", "Marine Unit Deputy", D),
             ("cd", "Chief Deputy (night)", N)],
    "TVEMS": [("ops", "EMS Branch Director", D), ("ar", "Agency Representative", D),
              ("tri", "Triage Unit Leader", D), ("trn", "Medical Transportation Unit Leader", D),
              ("sup", "EMS Duty Supervisor", D)],
    "TC911": [("sup", "911 Shift Supervisor", D), ("cad", "CAD Administrator", D),
              ("fd", "Fire/EMS Dispatcher", D), ("pd", "Police Dispatcher", D)],
    "RCGH": [("em", "Hospital Emergency Manager (HICS Liaison Officer)", D),
             ("ic", "Hospital Incident Commander", D), ("ed", "ED Charge Nurse", D),
             ("dec", "Hospital Decontamination Team Leader", D)],
    "MVMC": [("em", "Emergency Preparedness Coordinator (HICS Liaison Officer)", D),
             ("ic", "Hospital Incident Commander", D), ("ed", "ED Charge Nurse", D),
             ("hs", "House Supervisor (night)", N)],
    "TCHD": [("phl", "Public Health Liaison (Agency Representative)", D),
             ("dir", "Health Director", D), ("epi", "Epidemiologist", D),
             ("env", "Environmental Health Specialist", D),
             ("rn", "Public Health Nurse (shelters)", D)],
    "RCDPW": [("ar", "Agency Representative", D), ("dir", "Public Works Director", D),
              ("ops", "Street Superintendent", D), ("crew", "Barricade Crew Chief", D)],
    "RCWA": [("ar", "Agency Representative", D), ("plant", "Treatment Plant Superintendent", D),
             ("lab", "Laboratory Manager", D)],
    "TVPL": [("ar", "Agency Representative", D), ("ops", "Distribution Operations Supervisor", D),
             ("trb", "Troubleshooter Crew Lead", D)],
    "RGAS": [("ar", "Agency Representative", D), ("ops", "Gas Operations Supervisor", D)],
    "TVRR": [("hm", "Manager Hazardous Materials", D), ("rm", "Roadmaster", D),
             ("dsp", "Chief Dispatcher", D)],
    "RCASD": [("sup", "Superintendent", D), ("trn", "Director of Transportation", D),
              ("safe", "School Safety Coordinator", D)],
    "TCTA": [("ar", "Agency Representative", D), ("dsp", "Transit Dispatcher", D),
             ("ops", "Operations Manager", D), ("sup", "Road Supervisor", D)],
    "ARC": [("ar", "Agency Representative (ESF-6)", D), ("sh1", "Shelter Manager - Northside High School", D),
            ("sh2", "Shelter Manager - Southside Community Center", D),
            ("dmh", "Disaster Mental Health Lead", D), ("dir", "Disaster Program Manager", D)],
    "SALV": [("ar", "Agency Representative", D), ("can", "Canteen Coordinator", D)],
    "VOAD": [("ar", "VOAD Chair (Agency Representative)", D), ("vrc", "Volunteer Reception Center Lead", D)],
    "WRCV": [("nd", "News Director", D), ("rep", "Field Reporter", D)],
    "WTMR": [("pd", "Program Director (EAS)", D), ("eng", "Chief Engineer", D)],
    "TCEMA": [("dir", "Emergency Management Director", D), ("emg", "EOC Manager", D),
              ("do", "Duty Officer", D), ("lofr", "Liaison Officer", D),
              ("pln", "Planning Section Chief", D), ("pio", "Public Information Officer (JIC lead)", D),
              ("log", "Logistics Section Chief", D), ("do2", "Duty Officer (night)", N)],
    "TCBC": [("chair", "Chair, Board of Commissioners", D), ("adm", "County Administrator", D)],
    "RCMO": [("mayor", "Mayor", D), ("cm", "City Manager", D)],
    "STP": [("ar", "Agency Representative", D), ("cmd", "Troop Commander", D),
            ("hwy", "Patrol Sergeant", D)],
    "SEMA": [("ar", "State Liaison Officer (Agency Representative)", D),
             ("watch", "State Watch Officer", D), ("ops", "State EOC Operations Section Chief", D)],
    "DEP": [("erc", "Emergency Response Coordinator", D), ("ar", "Agency Representative", D),
            ("wq", "Water Quality Specialist", D), ("amt", "Air Monitoring Technician", D)],
    "CST": [("cdr", "CST Commander", D), ("srv", "Survey Team Chief", D),
            ("comm", "Communications NCO", D), ("lno", "Liaison Officer", D)],
    "EPA": [("osc", "Federal On-Scene Coordinator", D), ("start", "Air Monitoring Lead (START)", D),
            ("rrc", "Regional Response Center Duty Officer", D)],
    "FEMA": [("lno", "Liaison Officer to the State EOC", D), ("watch", "Regional Watch Officer", D)],
    "ARES": [("ec", "Emergency Coordinator", D), ("ncs", "Net Control Operator", D),
             ("sh1", "Shelter Radio Operator - Northside", D), ("sh2", "Shelter Radio Operator - Southside", N)],
    "CHEMTREC": [("ess", "Emergency Services Specialist", D), ("med", "Medical Duty Officer", D)],
    "NECA": [("erl", "Emergency Response Team Leader", D), ("tech", "Chlorine Technician", D),
             ("ps", "Product Stewardship Manager", D)],
}

FIRST = ["Dana", "Marcus", "Elena", "Tomasz", "Priya", "Owen", "Rosa", "Caleb", "Imani", "Victor",
         "Leah", "Andre", "Nadia", "Grant", "Keiko", "Luis", "Hannah", "Desmond", "Fiona", "Raj",
         "Claire", "Jerome", "Sofia", "Wade", "Amara", "Colin", "Mei", "Darius", "Tessa", "Ibrahim",
         "Gwen", "Hector", "Lena", "Troy", "Yolanda", "Felix", "Brianna", "Kofi", "Maren", "Silas",
         "Noor", "Reid", "Anneliese", "Curtis", "Joanna", "Mateo", "Shauna", "Emmett", "Ruth", "Pavel"]
LAST = ["Whitfield", "Okafor", "Brandt", "Kowalczyk", "Ramaswamy", "Delacroix", "Haines", "Moreau",
        "Lindqvist", "Abernathy", "Castellano", "Pruitt", "Yamada", "Oyelaran", "Vance", "Mercado",
        "Sorensen", "Truax", "Galloway", "Pettibone", "Huang", "Esposito", "Blackwood", "Nakamura",
        "Quintero", "Fairbanks", "Adeyemi", "Holloway", "Strand", "Kettering", "Maddox", "Varga",
        "Ellsworth", "Dunmore", "Tillman", "Rourke", "Szabo", "Achterberg", "Bellamy", "Coughlin",
        "Ferreira", "Gunderson", "Iverson", "Jaramillo", "Kinsella", "Lachance", "Mbeki", "Nordqvist",
        "Ostrowski", "Pemberton", "Rasmussen", "Sadowski", "Thornbury", "Underhill", "Waverly"]

# ---- phone numbers: only the fictional 555-0100..555-0199 range -----------------------------
AREA_POOLS = {"570": ["570", "272"], "814": ["814"], "717": ["717"], "215": ["215"],
              "703": ["703"], "610": ["610"]}
_next_line = {}


def new_number(area_group):
    for ac in AREA_POOLS[area_group]:
        n = _next_line.get(ac, 100)
        if n <= 199:
            _next_line[ac] = n + 1
            return "(%s) 555-0%d" % (ac, n)
    raise AssertionError("ran out of 555-01xx numbers for area code group " + area_group)


def slug(s):
    return "".join(c for c in s.lower() if c.isalnum())


# Build representatives with invented names and contacts.
REPS = []  # dicts
REP = {}   # "CODE.key" -> rep dict
_used_names = set()
rep_id = 101
for code in CODES:
    ag = AGENCIES[CODES.index(code)]
    domain, area, tg = ag[14], ag[15], ag[16]
    last_names = set()  # no two colleagues share a surname (it would read like a family firm)
    for key, position, shift in ROSTER[code]:
        while True:
            name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
            if name not in _used_names and name.split(" ", 1)[1] not in last_names:
                _used_names.add(name)
                last_names.add(name.split(" ", 1)[1])
                break
        first, last = name.split(" ", 1)
        r = {"id": rep_id, "agency": AG_ID[code], "code": code, "key": key, "name": name,
             "position": position, "shift": shift, "on_duty": shift == D, "contacts": []}
        # 1-3 methods: a non-sensitive duty/desk line always; then cell, radio, e-mail.
        r["phone"] = new_number(area)
        r["contacts"].append(("phone", r["phone"], False, "desk / duty line"))
        extra = []
        if rng.random() < 0.45:
            extra.append(("cell", new_number(area), True, "personal cell"))
        if tg and rng.random() < 0.6:
            extra.append(("radio", tg, False, "talkgroup"))
        if rng.random() < 0.6:
            extra.append(("email", "%s.%s@%s" % (slug(first), slug(last), domain), False, ""))
        rng.shuffle(extra)
        extra = extra[:2]
        order = {"cell": 0, "radio": 1, "email": 2}
        extra.sort(key=lambda c: order[c[0]])
        r["contacts"].extend(extra)
        r["email"] = next((c[1] for c in r["contacts"] if c[0] == "email"),
                          "%s@%s" % (slug(code) + "-" + key, domain))
        REPS.append(r)
        REP[code + "." + key] = r
        rep_id += 1

# ---- channels -------------------------------------------------------------------------------
CHANNELS = []


def _lat_rel(medium):
    if medium == "radio":
        return round(rng.uniform(0.2, 1.0), 1), round(rng.uniform(0.92, 0.99), 2)
    if medium == "phone":
        return round(rng.uniform(1.0, 5.0) * 2) / 2, round(rng.uniform(0.95, 0.995), 3)
    if medium == "email":
        return float(rng.choice([10, 15, 20, 30, 45, 60])), round(rng.uniform(0.97, 0.999), 3)
    if medium == "in_person":
        return rng.choice([0.5, 1.0, 1.5, 2.0]), round(rng.uniform(0.98, 0.999), 3)
    if medium == "data_link":
        return round(rng.uniform(0.1, 2.0), 1), round(rng.uniform(0.9, 0.99), 2)
    raise AssertionError(medium)


def ch(a, b, medium, ident=None, status="up", direction="two_way", notes="", latency=None,
       reliability=None, agencies=False):
    lat, rel = _lat_rel(medium)
    if latency is not None:
        lat = latency
    if reliability is not None:
        rel = reliability
    c = {"medium": medium, "latency": lat, "reliability": rel, "status": status,
         "direction": direction, "notes": notes}
    if agencies:
        c["from_agency"], c["to_agency"] = AG_ID[a], AG_ID[b]
        c["from_rep"] = c["to_rep"] = None
    else:
        ra, rb = REP[a], REP[b]
        c["from_rep"], c["to_rep"] = ra["id"], rb["id"]
        c["from_agency"] = c["to_agency"] = None
        if ident is None:
            if medium == "phone":
                ident = rb["phone"]
            elif medium == "email":
                ident = rb["email"]
            elif medium == "in_person":
                ident = ""
    c["identifier"] = ident or ""
    CHANNELS.append(c)
    return c


# 1. Inside each agency: chain of command (hub = first listed), a ring among the others,
#    and a second medium between the hub and the next in command.
for code in CODES:
    ag = AGENCIES[CODES.index(code)]
    tg = ag[16]
    members = [code + "." + k for k, _, _ in ROSTER[code]]
    hub, rest = members[0], members[1:]
    for m in rest:
        if tg:
            ch(hub, m, "radio", tg, notes="chain of command")
        else:
            ch(hub, m, "phone", notes="chain of command")
    if len(rest) >= 2:
        pairs = list(zip(rest, rest[1:]))  # hub + path: a wheel without one rim edge, 2-connected
        if len(rest) == 3:
            pairs.append((rest[-1], rest[0]))
        for x, y in pairs:
            medium = rng.choice(["phone", "radio"]) if tg else rng.choice(["phone", "phone", "email"])
            ch(x, y, medium, tg if medium == "radio" else None, notes="within agency")
    # second medium hub <-> deputy
    ch(rest[0], hub, "email" if tg else "phone", notes="chain of command (backup)")

# 2. Unified Command Post (in person, Station 2).
ICP_MEMBERS = ["RCFD.so", "RCFD.ops", "HAZ14.ldr", "HAZ14.ref", "RCPD.cmd", "TVEMS.ops",
               "TCEMA.lofr", "DEP.erc", "EPA.osc", "CST.cdr", "NECA.erl"]
for m in ICP_MEMBERS:
    if m.split(".")[0] != "RCFD":
        ch("RCFD.ic", m, "in_person", "Unified Command Post, Station 2", notes="unified command")
for a, b in [("TCEMA.lofr", "DEP.erc"), ("TCEMA.lofr", "EPA.osc"), ("TCEMA.lofr", "CST.cdr"),
             ("TCEMA.lofr", "TVEMS.ops"), ("TCEMA.lofr", "RCPD.cmd"), ("TCEMA.lofr", "NECA.erl"),
             ("HAZ14.ldr", "DEP.erc"), ("HAZ14.ldr", "EPA.osc"), ("HAZ14.ldr", "CST.cdr"),
             ("HAZ14.ldr", "NECA.erl"), ("RCFD.ops", "HAZ14.ldr"), ("RCFD.ops", "TVEMS.ops"),
             ("DEP.erc", "EPA.osc"), ("RCFD.so", "HAZ14.ref")]:
    ch(a, b, "in_person", "Unified Command Post, Station 2", notes="command post")

# 3. County EOC (in person): the EOC manager with every seat, plus the tables.
EOC_SEATS = ["RCFD.ar", "RCPD.ar", "TCSO.ar", "TVEMS.ar", "TCHD.phl", "RCDPW.ar", "RCWA.ar",
             "TVPL.ar", "RGAS.ar", "TCTA.ar", "ARC.ar", "SALV.ar", "VOAD.ar", "TCBC.chair",
             "RCMO.mayor", "STP.ar", "SEMA.ar", "CST.lno", "ARES.ec", "DEP.ar"]
for m in EOC_SEATS:
    ch("TCEMA.emg", m, "in_person", "County EOC", notes="EOC seat")
EOC_TABLES = {
    "ESF-6 table": ["ARC.ar", "SALV.ar", "VOAD.ar", "TCHD.phl"],
    "infrastructure table": ["RCDPW.ar", "RCWA.ar", "TVPL.ar", "RGAS.ar"],
    "public safety table": ["RCFD.ar", "RCPD.ar", "TCSO.ar", "STP.ar", "TVEMS.ar"],
    "policy room": ["TCBC.chair", "RCMO.mayor", "TCEMA.dir"],
    "state and federal table": ["SEMA.ar", "CST.lno", "DEP.ar"],
}
for table, seats in EOC_TABLES.items():
    for i in range(len(seats)):
        for j in range(i + 1, len(seats)):
            if rng.random() < 0.6 or len(seats) <= 3:
                ch(seats[i], seats[j], "in_person", "County EOC, " + table, notes="EOC " + table)

# 4. Liaison links between agencies (radio interop, phones, e-mail, data links).
LINKS = [
    # dispatch and field
    ("TC911.fd", "RCFD.ic", "radio", "TG 2101 FIRE-DISP"),
    ("TC911.fd", "TVEMS.sup", "radio", "TG 2101 FIRE-DISP"),
    ("TC911.fd", "HAZ14.ldr", "radio", "TG 2101 FIRE-DISP"),
    ("TC911.pd", "RCPD.sgt", "radio", "TG 2201 RCPD-MAIN"),
    ("TC911.pd", "TCSO.dsp", "phone", None),
    ("TC911.cad", "TCSO.dsp", "data_link", "CAD-to-CAD interface"),
    ("TC911.sup", "TCEMA.do", "phone", None),
    ("TC911.sup", "TVPL.ops", "phone", None),
    ("TC911.sup", "RGAS.ops", "phone", None),
    ("TC911.sup", "WTMR.eng", "phone", None),
    ("TCSO.lt", "RCPD.sgt", "radio", "TG 2150 COUNTY-INTEROP1"),
    ("STP.hwy", "TCSO.lt", "radio", "STATEWIDE LAW 2"),
    ("STP.hwy", "RCPD.tcp", "radio", "TG 2150 COUNTY-INTEROP1"),
    ("RCDPW.ops", "RCPD.tcp", "radio", "TG 2151 COUNTY-INTEROP2"),
    ("RCDPW.crew", "RCPD.tcp", "phone", None),
    ("TVEMS.tri", "RCFD.cap", "radio", "TG 2104 FIRE-OPS"),
    ("TVEMS.tri", "HAZ14.decon", "radio", "TG 2104 FIRE-OPS"),
    ("TVEMS.trn", "TCTA.ops", "phone", None),
    ("HAZ14.decon", "RCFD.cap", "radio", "TG 2104 FIRE-OPS"),
    ("HAZ14.entry", "RCFD.ops", "radio", "TG 2110 HAZMAT-14"),
    ("CST.srv", "HAZ14.entry", "radio", "TG 2110 HAZMAT-14"),
    ("CST.comm", "ARES.ncs", "radio", "147.210 TC-ARES"),
    ("CST.comm", "TCEMA.log", "phone", None),
    ("EPA.start", "DEP.erc", "radio", "CST TAC 1"),
    ("EPA.start", "CST.srv", "radio", "CST TAC 1"),
    ("EPA.rrc", "SEMA.watch", "phone", None),
    ("FEMA.lno", "SEMA.ops", "in_person", "State EOC"),
    ("FEMA.watch", "SEMA.watch", "phone", None),
    ("FEMA.watch", "EPA.rrc", "email", None),
    ("SEMA.watch", "TCEMA.do", "phone", None),
    ("SEMA.watch", "TCEMA.emg", "data_link", "State incident management system (WebEOC)"),
    ("SEMA.ops", "TCEMA.pln", "data_link", "State incident management system (WebEOC)"),
    ("STP.cmd", "SEMA.ops", "phone", None),
    ("DEP.wq", "RCWA.lab", "phone", None),
    ("DEP.wq", "RCWA.plant", "email", None),
    ("RCWA.plant", "RCDPW.dir", "phone", None),
    ("TVPL.trb", "RCFD.ops", "radio", "TG 2151 COUNTY-INTEROP2"),
    ("RGAS.ops", "RCFD.ops", "phone", None),
    ("TCTA.ops", "RCPD.sgt", "radio", "TG 2151 COUNTY-INTEROP2"),
    ("TCTA.sup", "RCPD.sgt", "radio", "TG 2151 COUNTY-INTEROP2"),
    ("TCBC.adm", "RCMO.cm", "phone", None),
    ("TCBC.adm", "TCEMA.dir", "phone", None),
    ("RCMO.cm", "RCDPW.dir", "phone", None),
    ("RCMO.cm", "RCPD.cmd", "phone", None),
    ("ARES.ec", "TCEMA.log", "in_person", "County EOC radio room"),
    ("ARC.sh1", "ARES.sh1", "in_person", "Northside High School shelter"),
    ("ARC.sh2", "ARES.sh2", "in_person", "Southside Community Center shelter"),
    ("ARC.sh1", "TCHD.env", "phone", None),
    ("ARC.sh2", "TCHD.env", "phone", None),
    ("SALV.can", "ARC.sh1", "phone", None),
    ("SALV.can", "ARC.sh2", "phone", None),
    ("VOAD.vrc", "ARC.dir", "email", None),
    ("VOAD.vrc", "TCEMA.log", "phone", None),
    ("ARC.dmh", "TCHD.dir", "phone", None),
    # public information: JIC at the County Annex
    ("RCFD.pio", "TCEMA.pio", "in_person", "Joint Information Center"),
    ("RCPD.pio", "TCEMA.pio", "in_person", "Joint Information Center"),
    ("RCFD.pio", "RCPD.pio", "phone", None),
    ("TCHD.dir", "TCEMA.pio", "phone", None),
    ("WRCV.nd", "TCEMA.pio", "email", None),
    ("WRCV.nd", "RCFD.pio", "phone", None),
    ("WRCV.rep", "RCPD.pio", "in_person", "Media staging, Westgate Plaza"),
    ("WTMR.pd", "TCEMA.pio", "phone", None),
    ("WTMR.pd", "RCMO.cm", "phone", None),
    # hazmat information
    ("CHEMTREC.ess", "HAZ14.ref", "phone", None),
    ("CHEMTREC.ess", "TC911.sup", "phone", None),
    ("CHEMTREC.med", "TCHD.epi", "phone", None),
    ("CHEMTREC.med", "TVEMS.ops", "phone", None),
    ("CHEMTREC.ess", "NECA.ps", "phone", None),
    ("NECA.tech", "HAZ14.entry", "radio", "TG 2110 HAZMAT-14"),
    ("NECA.ps", "DEP.ar", "email", None),
    # Single point of failure 1: the railroad reaches the response only through the county
    # EM duty officer (his phone number is the one in the carrier's emergency plan).
    ("TVRR.hm", "TCEMA.do", "phone", None),
    ("TVRR.dsp", "TCEMA.do", "phone", None),
    # Single point of failure 2: both hospitals reach the county only through the public
    # health liaison (the healthcare coalition line), besides the hospital-to-hospital links.
    ("RCGH.em", "TCHD.phl", "phone", None),
    ("RCGH.em", "TCHD.phl", "radio", "HCC-1 HEALTHCARE COALITION"),
    ("MVMC.em", "TCHD.phl", "phone", None),
    ("RCGH.em", "MVMC.em", "radio", "HCC-1 HEALTHCARE COALITION"),
    ("RCGH.ed", "MVMC.ed", "phone", None),
    ("RCGH.ic", "MVMC.ic", "email", None),
    # Single point of failure 3: the school district's only link is its transportation
    # director's bus radio to the transit dispatcher (a bridge).
    ("RCASD.trn", "TCTA.dsp", "radio", "TG 2601 TRANSIT-DISP"),
]
for a, b, medium, ident in LINKS:
    ch(a, b, medium, ident, notes="liaison")

# Degraded and failed channels (the story explains them).
ch("TCEMA.do", "TVRR.rm", "phone", None, status="down", reliability=0.97, latency=2.0,
   notes="yard office desk line; yard office evacuated 12:40, nobody answers")
for c in CHANNELS:
    if (c["from_rep"], c["to_rep"]) == (REP["RCFD.ic"]["id"], REP["RCFD.cap"]["id"]):
        c.update(status="degraded", reliability=0.78, latency=1.0,
                 notes="Hawk Ridge tower on generator; dead spot in the rail cut")

# One-way alerting links and agency-to-agency channels.
ch("TCEMA.pio", "WTMR.pd", "data_link", "IPAWS / EAS CAP feed", direction="one_way",
   notes="alerts are pushed to the LP-1 station", latency=0.5, reliability=0.99)
AGENCY_LINKS = [
    ("TVEMS", "RCGH", "radio", "MED-8 (HEAR 155.340)", "degraded", "two_way",
     "patient notifications garbled since 13:40; crews fall back to phone", 0.8, 0.76),
    ("TVEMS", "MVMC", "radio", "MED-8 (HEAR 155.340)", "up", "two_way",
     "ED console, not a named person", 0.5, 0.95),
    ("TCEMA", "WRCV", "data_link", "IPAWS / EAS CAP feed", "up", "one_way",
     "alerts pushed to the station's newsroom", 0.5, 0.99),
    ("TCEMA", "SEMA", "data_link", "State incident management system (WebEOC)", "up", "two_way",
     "resource requests and situation reports", 5.0, 0.97),
    ("TC911", "RCFD", "data_link", "CAD mobile data terminals", "up", "two_way",
     "", 0.2, 0.98),
    ("DEP", "EPA", "email", "ers@dep.example", "up", "two_way",
     "sampling results exchange", 30.0, 0.99),
    ("SEMA", "FEMA", "data_link", "Regional situational awareness feed", "up", "two_way",
     "", 10.0, 0.98),
    ("ARES", "ARC", "radio", "147.210 TC-ARES", "up", "two_way",
     "shelter net, any licensed operator", 1.0, 0.9),
]
for a, b, medium, ident, status, direction, notes, lat, rel in AGENCY_LINKS:
    ch(a, b, medium, ident, status=status, direction=direction, notes=notes, latency=lat,
       reliability=rel, agencies=True)

for i, c in enumerate(CHANNELS):
    c["id"] = 1001 + i

# ---- incident and periods -------------------------------------------------------------------
INCIDENT = {
    "id": 1, "name": "River City Chlorine Release", "number": "EX-2026-014",
    "kind": "Hazardous materials release (exercise)", "exercise": True, "start": START,
    "end": END, "location": "Riverside rail yard, River City",
    "description": ("EXERCISE EXERCISE EXERCISE. Full-scale exercise: a 90-ton chlorine tank car "
                    "(UN1017) leaks from its angle valve on track 4 of the Tamarack Valley Railroad's "
                    "Riverside yard. The plume drifts east-northeast over downtown River City; "
                    "shelter in place, evacuation of Zone A (about 2,400 residents), two shelters, "
                    "a hospital surge, capping with Kit C, product transfer and re-entry."),
}
PERIODS = [
    {"id": 1, "incident": 1, "number": 1, "start": START, "end": START + PERIOD,
     "objectives": ("1. Protect life: shelter in place and evacuate Zone A. 2. Stop the release "
                    "(hazmat entry, shipper's Kit C). 3. Treat and decontaminate exposed persons. "
                    "4. Shelter and feed evacuees. 5. Keep the public informed through the JIC.")},
    {"id": 2, "incident": 1, "number": 2, "start": START + PERIOD, "end": END,
     "objectives": ("1. Transfer the remaining product to an empty tank car safely. 2. Monitor air "
                    "and river water. 3. Keep evacuees sheltered overnight. 4. Phased re-entry of "
                    "Zone A once readings stay below 0.5 ppm. 5. Demobilise and prepare the hot wash.")},
]

# ---- tasks ----------------------------------------------------------------------------------
# key, title, status, priority, owner agency, owner rep, involved, due (UTC), depends, description
TASKS_SRC = [
    ("isolate", "Establish the 300 m isolation zone around the tank car", "done", "critical", "RCFD", "RCFD.ic", "RCPD", at("12:50"), [], "ERG guide 124, initial isolation"),
    ("sip", "Issue shelter-in-place for Downtown east and East End", "done", "critical", "TCEMA", "TCEMA.pio", "RCFD RCPD TC911 WTMR WRCV", at("12:55"), [], ""),
    ("eoc", "Activate the County EOC (level 1)", "done", "high", "TCEMA", "TCEMA.emg", "TCBC RCMO", at("13:30"), [], ""),
    ("evac", "Evacuate Zone A (about 2,400 residents)", "done", "critical", "RCPD", "RCPD.sgt", "RCFD TCSO STP TCTA TCEMA", at("15:30"), ["sip"], "Door to door in Zone A; buses for people without cars"),
    ("evac_order", "Mayor signs the evacuation order for Zone A", "done", "critical", "RCMO", "RCMO.mayor", "TCEMA RCPD", at("13:10"), [], ""),
    ("alert", "Send the WEA/EAS evacuation alert for Zone A", "done", "critical", "TCEMA", "TCEMA.pio", "WTMR WRCV TC911", at("13:15"), ["evac_order"], ""),
    ("buses", "Provide 12 buses for evacuees without cars", "done", "high", "TCTA", "TCTA.dsp", "RCPD RCASD", at("13:45"), ["evac_order"], ""),
    ("school_reloc", "Relocate Riverside Elementary students to Northside Middle School", "done", "critical", "RCASD", "RCASD.trn", "TCTA RCPD", at("14:15"), [], "Buses dispatched through the transit dispatcher"),
    ("reunify", "Reunify Riverside Elementary students with parents", "done", "high", "RCASD", "RCASD.safe", "RCPD ARC", at("18:00"), ["school_reloc"], ""),
    ("roadblocks", "Close roads into Zone A (8 traffic control points)", "done", "high", "RCPD", "RCPD.tcp", "RCDPW STP TCSO", at("13:40"), [], ""),
    ("message_boards", "Place message boards on Route 44 and SR 287", "done", "normal", "RCDPW", "RCDPW.ops", "RCPD STP", at("15:00"), ["roadblocks"], ""),
    ("mci", "Triage and treat exposed persons (MCI plan)", "done", "critical", "TVEMS", "TVEMS.ops", "RCFD RCGH MVMC", at("16:00"), [], ""),
    ("decon_field", "Set up the field decontamination corridor", "done", "critical", "HAZ14", "HAZ14.decon", "RCFD TVEMS", at("13:30"), [], ""),
    ("decon_hosp", "Hospital decontamination at the RCGH ED entrance", "done", "high", "RCGH", "RCGH.dec", "TVEMS TCHD", at("14:00"), [], ""),
    ("surge", "Hospital surge: open 20 extra beds at RCGH", "done", "high", "RCGH", "RCGH.ic", "MVMC TCHD", at("15:00"), [], ""),
    ("transfer_pts", "Transfer 4 ventilated patients from RCGH to MVMC", "done", "high", "RCGH", "RCGH.em", "MVMC TVEMS TCHD", at("17:30"), ["surge"], ""),
    ("chemtrec", "Obtain product information and shipper contact from CHEMTREC", "done", "high", "HAZ14", "HAZ14.ref", "CHEMTREC NECA", at("13:15"), [], ""),
    ("rr_rep", "Bring a railroad representative into Unified Command", "blocked", "critical", "TCEMA", "TCEMA.lofr", "TVRR RCFD", at("15:00"), [], "The carrier is reachable only through the county EM duty officer's phone; its manager of hazardous materials is 3 h away"),
    ("consist", "Obtain the train consist and car data (TVRX 40211)", "done", "critical", "TCEMA", "TCEMA.do", "TVRR HAZ14", at("13:20"), [], ""),
    ("recon", "Hazmat entry: reconnaissance of the leaking car", "done", "critical", "HAZ14", "HAZ14.entry", "RCFD CST", at("14:45"), ["isolate", "chemtrec"], ""),
    ("deenergize", "De-energise overhead lines at the yard for entry", "done", "high", "TVPL", "TVPL.ops", "RCFD HAZ14", at("14:20"), [], ""),
    ("kitc", "Cap the angle valve with Chlorine Institute Kit C", "done", "critical", "NECA", "NECA.erl", "HAZ14 TVRR RCFD", at("18:30"), ["recon", "deenergize"], ""),
    ("cst_mission", "Obtain a state mission number for the Civil Support Team", "done", "high", "SEMA", "SEMA.ar", "CST TCEMA", at("14:30"), [], ""),
    ("air_mon", "Continuous air monitoring at the perimeter and in Zone A", "doing", "critical", "DEP", "DEP.erc", "CST EPA HAZ14", t(24), ["cst_mission"], "AreaRAE network and CST survey; readings every 30 min"),
    ("plume_model", "Run plume model and update the zones", "done", "high", "CST", "CST.cdr", "DEP EPA TCEMA", at("15:30"), [], ""),
    ("river", "Sample the river below the yard for runoff", "done", "high", "DEP", "DEP.wq", "RCWA EPA", t(20), [], "Fog streams produced runoff into the Tamarack"),
    ("intake", "Close the water intake until river samples are clean", "done", "high", "RCWA", "RCWA.plant", "DEP RCDPW", t(22), ["river"], ""),
    ("shelter_n", "Open the Northside High School shelter", "done", "critical", "ARC", "ARC.sh1", "RCASD TCHD ARES", at("14:00"), [], "MOU with the school district; the district must unlock and staff the building"),
    ("shelter_s", "Open the Southside Community Center shelter", "done", "high", "ARC", "ARC.sh2", "RCMO TCHD ARES", at("14:30"), [], ""),
    ("shelter_w", "Stand up Grace Fellowship Church as overflow shelter", "todo", "normal", "ARC", "ARC.dir", "VOAD", t(20), ["shelter_n", "shelter_s"], "Only if both shelters pass 80 % occupancy"),
    ("feeding", "Feed evacuees at both shelters", "doing", "high", "SALV", "SALV.can", "ARC VOAD", t(24), ["shelter_n"], ""),
    ("shelter_health", "Shelter health and medication needs", "doing", "high", "TCHD", "TCHD.env", "ARC TVEMS", t(24), ["shelter_n", "shelter_s"], ""),
    ("pets", "Pet sheltering next to the Northside shelter", "done", "normal", "VOAD", "VOAD.ar", "ARC", at("17:00"), ["shelter_n"], ""),
    ("shelter_radio", "Amateur radio backup at each shelter", "done", "normal", "ARES", "ARES.ec", "ARC", at("15:00"), [], ""),
    ("jic", "Stand up the Joint Information Center", "done", "high", "TCEMA", "TCEMA.pio", "RCFD RCPD TCHD", at("13:45"), [], ""),
    ("brief1", "Media briefing #1", "done", "high", "TCEMA", "TCEMA.pio", "RCFD RCMO WRCV WTMR", at("15:00"), ["jic"], ""),
    ("brief2", "Media briefing #2 (leak sealed)", "done", "normal", "TCEMA", "TCEMA.pio", "RCFD TCHD WRCV WTMR", at("19:00"), ["brief1", "kitc"], ""),
    ("brief3", "Media briefing #3 (re-entry)", "done", "normal", "TCEMA", "TCEMA.pio", "RCMO TCHD WRCV WTMR", at("10:30", 1), ["reentry_plan"], ""),
    ("rumors", "Rumour control: answer the public inquiry line", "doing", "normal", "TCEMA", "TCEMA.pio", "TC911 TCHD", t(24), ["jic"], ""),
    ("declare_city", "Local disaster emergency declaration (city)", "done", "high", "RCMO", "RCMO.mayor", "TCEMA", at("14:00"), [], ""),
    ("declare_county", "County disaster emergency declaration", "done", "high", "TCBC", "TCBC.chair", "TCEMA SEMA", at("15:30"), ["declare_city"], ""),
    ("iap2", "Incident Action Plan for operational period 2", "done", "high", "TCEMA", "TCEMA.pln", "RCFD HAZ14 RCPD DEP", at("23:30"), [], ""),
    ("empty_car", "Bring an empty tank car for the product transfer", "done", "critical", "TVRR", "TVRR.dsp", "NECA TCEMA", at("02:00", 1), ["rr_rep"], "Needs the railroad in Unified Command to schedule the move"),
    ("transfer", "Transfer the remaining chlorine to the empty car", "done", "critical", "NECA", "NECA.erl", "TVRR HAZ14 DEP EPA", at("07:00", 1), ["kitc", "empty_car"], "Held until the empty car was spotted on track 5 (02:40)"),
    ("track", "Inspect track 4 and the adjacent cars", "done", "high", "TVRR", "TVRR.rm", "RCFD", at("09:00", 1), ["transfer"], ""),
    ("reentry_plan", "Re-entry plan for Zone A (phased)", "done", "high", "TCEMA", "TCEMA.pln", "RCFD RCPD TCHD DEP RCMO", at("08:00", 1), ["air_mon"], ""),
    ("reentry", "Phased re-entry of Zone A", "doing", "high", "RCPD", "RCPD.sgt", "RCFD TCTA DEP TCHD", at("11:00", 1), ["reentry_plan", "transfer"], ""),
    ("gas_restore", "Restore gas service in Zone A house by house", "doing", "normal", "RGAS", "RGAS.ops", "RCPD", at("18:00", 1), ["reentry"], ""),
    ("power_restore", "Re-energise the yard and River St feeders", "done", "normal", "TVPL", "TVPL.ops", "TVRR", at("12:00", 1), ["transfer"], ""),
    ("buses_back", "Return evacuees home by bus", "doing", "normal", "TCTA", "TCTA.ops", "ARC RCPD", at("12:00", 1), ["reentry"], ""),
    ("schools_next", "Decide on school closures for 15 May", "done", "normal", "RCASD", "RCASD.sup", "TCHD TCEMA", at("22:00"), [], "District reached only through the transit dispatcher"),
    ("hosp_followup", "Follow up exposed patients (symptom surveillance)", "doing", "normal", "TCHD", "TCHD.epi", "RCGH MVMC CHEMTREC", t(24), [], ""),
    ("responder_health", "Medical monitoring of responders after level-A entries", "doing", "high", "TVEMS", "TVEMS.sup", "HAZ14 RCFD", t(24), [], ""),
    ("claims", "Railroad claims center for evacuees", "blocked", "normal", "TVRR", "TVRR.hm", "ARC TCEMA", at("12:00", 1), ["rr_rep"], "Waiting for the railroad's claims department; nobody from the railroad in Unified Command"),
    ("costs", "Track costs for the responsible party and the declaration", "doing", "normal", "TCEMA", "TCEMA.log", "TCBC RCMO SEMA", t(30), [], ""),
    ("fema_brief", "Brief FEMA Region III (no declaration expected)", "done", "low", "SEMA", "SEMA.ops", "FEMA", at("20:00"), [], ""),
    ("epa_ncp", "Document federal involvement under the NCP", "doing", "low", "EPA", "EPA.osc", "DEP", t(24), [], ""),
    ("demob", "Demobilisation plan", "doing", "normal", "TCEMA", "TCEMA.pln", "RCFD HAZ14 CST NECA", at("12:00", 1), ["reentry_plan"], ""),
    ("hotwash", "Hot wash at the EOC", "done", "normal", "TCEMA", "TCEMA.lofr", "RCFD RCPD TVEMS TCHD ARC TVRR", at("12:30", 1), [], ""),
    ("aar", "Draft the After-Action Report / Improvement Plan", "todo", "normal", "TCEMA", "TCEMA.dir", "RCFD RCPD HAZ14 TVRR RCASD TCHD", at("12:30", 1) + timedelta(days=30), ["hotwash"], ""),
    ("comm_fix", "Give the school district a county radio or EOC seat", "todo", "high", "TCEMA", "TCEMA.lofr", "RCASD TCTA ARES", at("12:30", 1) + timedelta(days=7), [], "Improvement: remove the single link through the transit dispatcher"),
    ("rr_contacts", "Put the railroad's 24 h desk and a second county contact in the carrier's plan", "todo", "high", "TCEMA", "TCEMA.lofr", "TVRR TC911", at("12:30", 1) + timedelta(days=7), [], "Improvement: today every railroad call goes through one duty officer's phone"),
    ("hosp_line", "Give the hospitals a second path to the EOC (EOC seat or coalition radio at the EOC)", "todo", "high", "TCHD", "TCHD.dir", "RCGH MVMC TCEMA", at("12:30", 1) + timedelta(days=7), [], "Improvement: both hospitals reach the county only through the public health liaison"),
    ("med8", "Repair the MED-8 link to River City General", "todo", "normal", "TVEMS", "TVEMS.sup", "RCGH TC911", at("18:00", 1), [], ""),
    ("restock", "Restock level-A suits and decon supplies of Hazmat 14", "todo", "normal", "HAZ14", "HAZ14.ldr", "TCEMA NECA", at("12:30", 1) + timedelta(days=3), ["demob"], "Cost recovery from the responsible party"),
]
TASK_ID = {k[0]: 1 + i for i, k in enumerate(TASKS_SRC)}

# ---- needs ----------------------------------------------------------------------------------
# agency a, agency b, reason, priority, source, task key
NEEDS_SRC = [
    ("RCFD", "TVRR", "Car data, product quantity and authority to move cars", "critical", "task", "rr_rep"),
    ("HAZ14", "TVRR", "Access to the car and the adjacent consist", "critical", "task", "consist"),
    ("NECA", "TVRR", "Empty tank car for the product transfer", "critical", "task", "empty_car"),
    ("NECA", "HAZ14", "Kit C capping under hazmat supervision", "critical", "task", "kitc"),
    ("HAZ14", "CHEMTREC", "Product and shipper information", "high", "task", "chemtrec"),
    ("TVEMS", "RCGH", "Patient notifications and decontamination at the hospital door", "critical", "task", "decon_hosp"),
    ("TVEMS", "MVMC", "Patient distribution", "high", "task", "mci"),
    ("RCGH", "MVMC", "Transfer of ventilated patients", "high", "task", "transfer_pts"),
    ("RCGH", "TCEMA", "Hospital status and resource requests to the EOC", "high", "manual", None),
    ("MVMC", "TCEMA", "Hospital status and resource requests to the EOC", "normal", "manual", None),
    ("RCGH", "TCHD", "Healthcare coalition coordination", "high", "agreement", None),
    ("ARC", "RCASD", "Opening and staffing the Northside High School shelter (MOU)", "critical", "agreement", None),
    ("RCASD", "TCTA", "School buses for the evacuation and the student relocation", "critical", "task", "school_reloc"),
    ("RCASD", "RCPD", "Student reunification site security", "high", "task", "reunify"),
    ("RCASD", "TCEMA", "School closure decision for 15 May", "normal", "task", "schools_next"),
    ("TCTA", "RCPD", "Bus routes and escorts into Zone A", "high", "task", "buses"),
    ("RCPD", "RCDPW", "Barricades and message boards at traffic control points", "high", "task", "message_boards"),
    ("RCPD", "STP", "State routes closed at the Zone A edge", "high", "task", "roadblocks"),
    ("RCPD", "TCSO", "Door-to-door evacuation teams", "high", "agreement", None),
    ("TCEMA", "WTMR", "EAS activation and public instructions", "critical", "task", "alert"),
    ("TCEMA", "WRCV", "Media briefings and crawl messages", "normal", "task", "brief1"),
    ("TCEMA", "SEMA", "State resource requests and situation reports", "high", "manual", None),
    ("SEMA", "CST", "Mission number and tasking for the Civil Support Team", "high", "task", "cst_mission"),
    ("SEMA", "FEMA", "Federal situational awareness", "low", "task", "fema_brief"),
    ("DEP", "EPA", "Air monitoring plan and sampling results", "high", "task", "air_mon"),
    ("DEP", "RCWA", "River sampling and the intake closure (MOU)", "high", "agreement", None),
    ("RCWA", "RCDPW", "Water supply while the intake is closed", "normal", "task", "intake"),
    ("TVPL", "RCFD", "De-energising lines before entry", "high", "task", "deenergize"),
    ("RGAS", "RCPD", "Access for gas restoration in Zone A", "normal", "task", "gas_restore"),
    ("ARC", "TCHD", "Shelter health services (MOU)", "high", "agreement", None),
    ("ARC", "SALV", "Feeding at the shelters", "normal", "task", "feeding"),
    ("ARC", "ARES", "Shelter communications backup (MOU)", "normal", "agreement", None),
    ("ARC", "VOAD", "Volunteers and pet sheltering", "low", "task", "pets"),
    ("RCMO", "TCBC", "City and county declarations", "high", "task", "declare_county"),
    ("RCMO", "TCEMA", "Evacuation order and re-entry decision", "critical", "task", "evac_order"),
    ("TCHD", "CHEMTREC", "Medical guidance on chlorine exposure", "normal", "manual", None),
    ("TVEMS", "HAZ14", "Exposed patients leaving the decon corridor", "critical", "task", "decon_field"),
    ("TVRR", "TCEMA", "Claims center for evacuees", "low", "task", "claims"),
    ("RCFD", "DEP", "Readings for the re-entry decision", "high", "task", "reentry_plan"),
    ("TCTA", "ARC", "Return of evacuees from the shelters", "normal", "task", "buses_back"),
    ("TC911", "TCEMA", "Reverse-911 and public inquiry calls", "normal", "manual", None),
]

# ---- timeline events ------------------------------------------------------------------------
# (time, kind, agencies, text, source, significant)
EV = []


def ev(when, kind, agencies, text, source="", significant=False):
    EV.append((when, kind, agencies, text, source, significant))


d0, d1 = 0, 1
ev(at("12:30"), "inject", "TC911 TVRR", "EXERCISE INJECT 1: yard crew reports a hissing tank car and a yellow-green cloud on track 4 of the Riverside yard", "Exercise control", True)
ev(at("12:31"), "report", "TC911", "First 911 call: strong bleach smell at Front St and Mill Rd, two people coughing", "911 call")
ev(at("12:32"), "resource", "TC911 RCFD TVEMS HAZ14", "Dispatched Engine 1, Ladder 1, Battalion 1, Medic 3 and Hazmat 14 to the Riverside yard", "911 CAD")
ev(at("12:34"), "report", "TC911", "Six more 911 calls about the odour from Downtown east and the East End", "911 CAD")
ev(at("12:38"), "status", "RCFD", "Battalion 1 on scene from upwind; Riverside Command established at the Westgate end of the yard", "RCFD Battalion 1", True)
ev(at("12:40"), "report", "TVRR RCFD", "Yard crew self-evacuated the yard office; the office desk line is now unanswered", "RCFD Engine 1")
ev(at("12:41"), "decision", "RCFD", "Initial isolation 300 m in all directions; ERG guide 124 (chlorine, UN1017)", "Riverside Command", True)
ev(at("12:43"), "report", "RCFD", "Wind from the west-southwest at 8 km/h; plume moving towards Downtown east and the East End", "RCFD Battalion 1")
ev(at("12:45"), "request", "RCFD TC911", "Battalion 1 requests county EM duty officer, police for perimeter, second alarm", "Riverside Command")
ev(at("12:47"), "decision", "RCFD RCPD", "Shelter in place ordered for Downtown east and the East End", "Unified Command", True)
ev(at("12:48"), "alert", "TCEMA TC911", "Reverse-911 shelter-in-place message to 3,100 landlines", "County alerting")
ev(at("12:50"), "message", "TCEMA TC911", "Duty officer notified by 911 supervisor; EOC to activate", "TCEMA duty officer")
ev(at("12:52"), "status", "RCPD", "Perimeter units at Route 44 and Main, Front St and Mill Rd", "RCPD")
ev(at("12:55"), "status", "TCEMA", "County EOC activated at level 2", "TCEMA", True)
ev(at("12:56"), "message", "TVRR TCEMA", "Railroad chief dispatcher calls the county EM duty officer: car TVRX 40211, 90 t chlorine, loaded", "TCEMA duty officer")
ev(at("12:58"), "request", "HAZ14 CHEMTREC", "Hazmat 14 calls CHEMTREC for product information and the shipper's emergency contact", "Hazmat 14")
ev(at("13:00"), "report", "TVEMS", "Medic 3: 9 patients with cough and eye irritation at the casualty collection point", "TVEMS")
ev(at("13:02"), "message", "CHEMTREC HAZ14 NECA", "CHEMTREC conferences in Northeast Chlor-Alkali; the shipper's emergency response team is mobilising with Kit C", "CHEMTREC")
ev(at("13:04"), "decision", "TVEMS", "Mass casualty incident declared; triage at the Westgate casualty collection point", "EMS Branch", True)
ev(at("13:05"), "report", "RCPD", "Two officers at Front St exposed; transported to RCGH", "RCPD")
ev(at("13:06"), "alert", "TCEMA WTMR", "EAS shelter-in-place message broadcast on WTMR 98.1", "County alerting")
ev(at("13:08"), "note", "RCASD TCTA", "Riverside Elementary is inside the plume path; the district asks the transit dispatcher for buses", "TCTA dispatcher")
ev(at("13:10"), "decision", "RCMO RCFD RCPD TCEMA", "Mayor signs the evacuation order for Zone A on Unified Command's advice", "Office of the Mayor", True)
ev(at("13:12"), "alert", "TCEMA WTMR WRCV TC911", "WEA and EAS evacuation alert for Zone A; exclusion for Riverside Manor (shelter in place)", "County alerting", True)
ev(at("13:14"), "request", "RCPD TCTA", "Request 12 buses for Zone A residents without cars", "RCPD Evacuation Group")
ev(at("13:15"), "status", "HAZ14", "Hazmat 14 on scene; hazmat group established", "Hazmat 14")
ev(at("13:16"), "resource", "TCTA", "Transit dispatcher assigns 12 transit buses and 6 school buses from the contract fleet", "TCTA dispatcher")
ev(at("13:18"), "status", "RCPD RCDPW", "Road closures: Route 44 between Mill Rd and SR 287, Front St, Main St bridge northbound", "RCPD Traffic")
ev(at("13:20"), "status", "RCGH", "River City General activates Hospital Incident Command; decontamination tent at the ED entrance", "RCGH", True)
ev(at("13:20"), "resource", "SALV", "Salvation Army canteen leaves the corps building in Zone A", "Salvation Army")
ev(at("13:22"), "message", "TCHD RCGH MVMC", "Public health liaison alerts both hospitals through the healthcare coalition line", "TCHD")
ev(at("13:25"), "report", "HAZ14 CHEMTREC", "Product confirmed: chlorine, toxic by inhalation; leak from the angle valve area", "Hazmat 14 reference")
ev(at("13:28"), "decision", "TCEMA", "County EOC to level 1 (full activation)", "EOC manager", True)
ev(at("13:30"), "status", "RCASD TCTA", "Buses arriving at Riverside Elementary; students boarding", "TCTA dispatcher")
ev(at("13:32"), "status", "HAZ14 RCFD", "Decontamination corridor open at the Westgate end of the yard", "Hazmat 14 decon")
ev(at("13:35"), "decision", "ARC RCASD", "Red Cross to open the Northside High School shelter under the school district MOU", "ARC")
ev(at("13:36"), "note", "ARC RCASD TCEMA", "Red Cross cannot reach the school district directly; message relayed through the transit dispatcher", "TCEMA Liaison Officer")
ev(at("13:40"), "report", "TVEMS RCGH", "MED-8 patient notifications to RCGH garbled; crews switch to phone", "TVEMS")
ev(at("13:42"), "request", "TCEMA SEMA", "County requests state support: DEP response, Civil Support Team", "EOC manager")
ev(at("13:45"), "status", "TCEMA RCFD RCPD TCHD", "Joint Information Center opened at the County Annex", "JIC")
ev(at("13:48"), "message", "TCSO RCPD", "Sheriff deputies join door-to-door teams in the East End", "TCSO")
ev(at("13:50"), "status", "ARC", "Northside High School shelter open; first evacuees registering", "ARC", True)
ev(at("13:52"), "report", "RCGH", "RCGH ED: 17 patients, 3 admitted; ED at 130 %", "RCGH")
ev(at("13:55"), "message", "TCEMA TVRR", "Liaison Officer asks for a railroad representative at the command post; the only contact is the duty officer's phone", "TCEMA Liaison Officer")
ev(at("14:00"), "decision", "RCMO", "City of River City declares a local disaster emergency", "Office of the Mayor")
ev(at("14:05"), "status", "RCASD", "All Riverside Elementary students at Northside Middle School; reunification starts", "RCASD")
ev(at("14:08"), "status", "MVMC", "Mercy Valley activates its hospital command center", "MVMC")
ev(at("14:10"), "note", "TCEMA", "Liaison note: the railroad, the hospitals and the school district each hang on one person", "TCEMA Liaison Officer", True)
ev(at("14:15"), "status", "SEMA", "State liaison seated at the County EOC", "SEMA")
ev(at("14:18"), "resource", "TVPL", "Power company crews de-energising the overhead lines at the yard", "TVPL")
ev(at("14:20"), "status", "TVPL RCFD", "Yard lines de-energised and locked out", "TVPL")
ev(at("14:25"), "status", "ARC", "Southside Community Center shelter open", "ARC")
ev(at("14:28"), "decision", "SEMA CST", "State mission number issued for the Civil Support Team", "SEMA")
ev(at("14:30"), "status", "HAZ14", "Entry team 1 in level A enters the yard for reconnaissance", "Hazmat 14", True)
ev(at("14:32"), "message", "TCHD TCEMA", "Public health advisory: symptoms of chlorine exposure and when to seek care", "TCHD")
ev(at("14:40"), "report", "HAZ14", "Entry team 1: leak at the angle valve packing; liquid pooling under the car", "Hazmat 14 entry")
ev(at("14:45"), "decision", "RCFD HAZ14", "Water fog to knock down vapour; no water on the leak itself", "Unified Command")
ev(at("14:50"), "note", "DEP RCWA", "DEP warns the water authority about fog runoff reaching the river", "DEP")
ev(at("14:55"), "decision", "RCWA", "Water authority closes the river intake; storage covers about 4 days", "RCWA", True)
ev(at("15:00"), "message", "TCEMA RCFD RCMO WRCV WTMR", "Media briefing #1 at the Joint Information Center", "JIC", True)
ev(at("15:05"), "report", "RCPD", "Door-to-door sweep of Zone A 60 % complete", "RCPD Evacuation Group")
ev(at("15:10"), "request", "RCGH TCHD", "RCGH asks for help transferring 4 ventilated patients", "RCGH")
ev(at("15:15"), "message", "TCHD TCEMA", "Hospital request relayed to the EOC by the public health liaison", "TCHD")
ev(at("15:20"), "status", "RGAS RCFD", "Gas company: no mains in the yard; crews on standby for Zone A", "RGAS")
ev(at("15:25"), "report", "CST DEP", "Plume model run: Zone A boundary confirmed; shelter-in-place zone extended 500 m east", "CST")
ev(at("15:30"), "decision", "TCBC", "County Board of Commissioners declares a county disaster emergency", "TCBC", True)
ev(at("15:32"), "status", "RCPD", "Zone A evacuation complete except 11 refusals", "RCPD", True)
ev(at("15:40"), "resource", "CST", "Civil Support Team arrives at Westgate Plaza staging", "CST")
ev(at("15:45"), "request", "RCFD TCEMA", "Unified Command requests a railroad representative within the hour", "Unified Command")
ev(at("15:50"), "message", "TCEMA TVRR", "Duty officer relays: railroad hazmat manager ETA 16:45", "TCEMA duty officer")
ev(at("16:00"), "report", "TVEMS", "EMS totals: 31 patients assessed, 22 transported (RCGH 15, MVMC 7)", "TVEMS")
ev(at("16:10"), "status", "CST", "Civil Support Team ready; survey team joins air monitoring", "CST")
ev(at("16:20"), "status", "HAZ14", "Entry team 2 confirms the leak rate is falling as the car cools", "Hazmat 14")
ev(at("16:25"), "status", "EPA", "EPA On-Scene Coordinator arrives at the command post", "EPA")
ev(at("16:30"), "request", "TVRR RCFD", "Railroad asks to move the adjacent cars; denied until the leak is controlled", "Unified Command")
ev(at("16:45"), "status", "TVRR TCEMA", "Railroad manager of hazardous materials arrives, but reports to the EOC by mistake", "TCEMA EOC manager")
ev(at("16:55"), "message", "TCEMA TVRR RCFD", "Liaison Officer escorts the railroad manager to the command post", "TCEMA Liaison Officer")
ev(at("17:10"), "resource", "NECA", "Shipper's emergency response team on scene with Chlorine Institute Kit C", "NECA", True)
ev(at("17:20"), "status", "RCGH MVMC TVEMS", "Ventilated patients transferred from RCGH to MVMC", "TCHD")
ev(at("17:30"), "decision", "RCFD HAZ14 NECA", "Unified Command approves the Kit C capping plan", "Unified Command")
ev(at("17:45"), "status", "NECA HAZ14", "Kit C hood being fitted under hazmat supervision", "NECA")
ev(at("18:05"), "status", "NECA HAZ14 RCFD", "Leak sealed: Kit C hood installed on the angle valve", "Unified Command", True)
ev(at("18:10"), "alert", "TCEMA WTMR WRCV", "Update: leak stopped; evacuation of Zone A remains in effect", "County alerting", True)
ev(at("18:20"), "status", "RCASD", "Student reunification complete", "RCASD")
ev(at("18:30"), "decision", "RCFD RCPD TCEMA", "Shelter in place lifted east of SR 287; Zone A stays evacuated overnight", "Unified Command", True)
ev(at("18:40"), "resource", "SALV VOAD", "Canteen serving dinner at both shelters", "Salvation Army")
ev(at("19:00"), "message", "TCEMA RCFD TCHD WRCV WTMR", "Media briefing #2: the leak is sealed; evacuation continues overnight", "JIC")
ev(at("19:15"), "status", "VOAD ARC", "Pet shelter open next to Northside High School", "VOAD")
ev(at("19:30"), "note", "RCASD TCTA TCEMA", "School district asks about tomorrow's classes; question relayed through the transit dispatcher", "TCEMA")
ev(at("19:45"), "request", "NECA TVRR", "Shipper requests an empty tank car for the product transfer", "NECA")
ev(at("20:00"), "message", "SEMA FEMA", "State briefs FEMA Region III; no federal declaration expected", "SEMA")
ev(at("20:15"), "status", "RCGH", "RCGH back to 105 % capacity; decontamination tent closed", "RCGH")
ev(at("20:30"), "status", "TVRR", "Railroad: empty car available at Millbrook yard, move needs a crew and a window on the main line", "TVRR")
ev(at("21:00"), "note", "TCEMA RCFD HAZ14 RCPD DEP", "Planning meeting for operational period 2", "Planning Section", True)
ev(at("21:30"), "status", "ARES ARC", "Amateur radio stations on the air at both shelters", "ARES")
ev(at("22:00"), "decision", "RCASD", "Schools closed on 15 May", "RCASD")
ev(at("22:05"), "alert", "TCEMA WTMR", "Public message: River City schools closed on 15 May", "County alerting")
ev(at("22:30"), "status", "TCSO", "Sheriff takes over Zone A security patrols overnight", "TCSO")
ev(at("23:00"), "note", "TVRR TCEMA", "Railroad rep leaves the command post for the Millbrook yard; railroad again reachable only by phone", "TCEMA Liaison Officer")
ev(at("23:30"), "decision", "TCEMA", "Incident Action Plan for period 2 approved", "Planning Section")
ev(at("00:30", d1), "status", "TCEMA RCFD", "Operational period 2 begins; night shift briefed", "Unified Command", True)
ev(at("00:40", d1), "status", "TCEMA", "Night duty officer on; day duty officer hands over the railroad contacts", "TCEMA")
ev(at("01:15", d1), "message", "TVRR TCEMA", "Railroad: empty car departing Millbrook, ETA 02:30", "TCEMA duty officer")
ev(at("01:30", d1), "note", "NECA HAZ14 DEP EPA", "Transfer plan reviewed: vapour recovery, water curtain, air monitoring at the fence line", "Hazmat group")
ev(at("02:40", d1), "status", "TVRR", "Empty car spotted on track 5 next to TVRX 40211", "TVRR", True)
ev(at("03:10", d1), "status", "NECA HAZ14", "Product transfer started", "NECA", True)
ev(at("03:45", d1), "report", "DEP CST", "Fence-line readings steady below 0.5 ppm during the transfer", "DEP")
ev(at("04:30", d1), "status", "ARC", "Overnight shelter count: 312 at Northside, 96 at Southside", "ARC")
ev(at("05:15", d1), "report", "RCWA DEP", "River samples below the yard: chlorine residual not detected", "RCWA")
ev(at("06:00", d1), "decision", "RCWA DEP", "Water intake reopened with extra sampling", "RCWA")
ev(at("07:20", d1), "status", "NECA HAZ14", "Product transfer complete; original car depressurised", "NECA", True)
ev(at("07:40", d1), "report", "DEP EPA CST", "Zone A street readings all below detection for 2 hours", "DEP")
ev(at("08:00", d1), "decision", "RCFD RCPD TCEMA RCMO TCHD", "Re-entry plan approved: phased re-entry of Zone A from 09:00", "Unified Command", True)
ev(at("08:15", d1), "message", "TCHD", "Public health re-entry guidance: air out homes, discard uncovered food exposed to the cloud", "TCHD")
ev(at("08:30", d1), "alert", "TCEMA WTMR WRCV", "Public message: phased re-entry of Zone A begins at 09:00", "County alerting", True)
ev(at("09:00", d1), "status", "RCPD RCDPW", "Re-entry phase 1 (north of Route 44); road closures lifted", "RCPD", True)
ev(at("09:20", d1), "resource", "TCTA ARC", "Buses returning evacuees from the shelters", "TCTA")
ev(at("09:45", d1), "status", "RGAS", "Gas restoration started in Zone A", "RGAS")
ev(at("10:00", d1), "status", "RCPD", "Re-entry phase 2 (Front St to the river)", "RCPD")
ev(at("10:30", d1), "message", "TCEMA RCMO TCHD WRCV WTMR", "Media briefing #3: re-entry", "JIC", True)
ev(at("11:00", d1), "status", "TVPL TVRR", "Yard feeders re-energised", "TVPL")
ev(at("11:15", d1), "status", "ARC", "Southside shelter closed; Northside has 14 remaining residents", "ARC")
ev(at("11:30", d1), "decision", "RCFD TCEMA", "Demobilisation of hazmat, CST and mutual aid units", "Unified Command")
ev(at("11:50", d1), "status", "TVRR", "Track 4 inspected; railroad takes over the site", "TVRR")
ev(at("12:00", d1), "note", "TCEMA RCFD RCPD TVEMS TCHD ARC TVRR RCASD", "Hot wash at the EOC: communications with the railroad, hospitals and schools flagged for the AAR", "Exercise control", True)
ev(at("12:25", d1), "inject", "TCEMA", "EXERCISE INJECT END: ENDEX", "Exercise control", True)

# Routine traffic: air monitoring, shelter counts, hospital census, call volume.
AIR_POINTS = ["AM-1 Front & Mill", "AM-2 Main St bridge", "AM-3 Riverside Manor", "AM-4 SR 287 & Route 44"]
tm = at("14:00")
i = 0
while tm < at("12:00", d1):
    hours_since = (tm - at("18:05")).total_seconds() / 3600.0
    pt = AIR_POINTS[i % 4]
    if hours_since < 0:
        ppm = max(0.4, 6.5 - 0.5 * ((tm - at("14:00")).total_seconds() / 3600.0)) * (1.0 - 0.18 * (i % 4))
    else:
        ppm = 1.6 * math.exp(-hours_since / 2.0) * (1.0 - 0.18 * (i % 4))
        if at("03:10", d1) <= tm <= at("07:20", d1):
            ppm = max(ppm, 0.12 + 0.05 * (i % 3))
    ppm = round(ppm, 2)
    src = "CST survey team" if i % 2 else "DEP air monitoring"
    agencies = "CST DEP" if i % 2 else "DEP EPA"
    if ppm < 0.05:
        txt = "Air monitoring %s: chlorine not detected" % pt
    else:
        txt = "Air monitoring %s: chlorine %s ppm" % (pt, ppm)
    ev(tm, "report", agencies, txt, src, ppm >= 5.0)
    tm += timedelta(minutes=30)
    i += 1

pop_n = [40, 120, 210, 260, 290, 300, 305, 310, 312, 312, 310, 308, 300, 296, 290, 280, 240, 150, 60, 30, 14]
pop_s = [10, 35, 60, 80, 92, 95, 96, 96, 96, 96, 95, 95, 93, 90, 88, 80, 50, 20, 5, 0, 0]
for k, (n_, s_) in enumerate(zip(pop_n, pop_s)):
    tm = at("14:00") + timedelta(hours=k)
    if k >= 10:
        tm = at("00:00", d1) + timedelta(hours=k - 10 + 1) + timedelta(minutes=5)
    else:
        tm = at("14:00") + timedelta(hours=k, minutes=5)
    ev(tm, "status", "ARC", "Shelter count: Northside %d, Southside %d" % (n_, s_), "ARC shelter managers")

census = [(15, 7), (21, 9), (19, 11), (16, 10), (12, 9), (9, 8), (7, 6), (6, 5), (4, 4), (3, 3)]
for k, (a_, b_) in enumerate(census):
    tm = at("14:30") + timedelta(hours=2 * k)
    ev(tm, "status", "RCGH MVMC TCHD", "Hospital census of exposure patients: RCGH %d, MVMC %d" % (a_, b_), "TCHD public health liaison")

calls = [412, 268, 150, 96, 61, 40, 33, 22, 18, 25, 52, 64]
for k, c_ in enumerate(calls):
    tm = at("13:55") + timedelta(hours=2 * k)
    ev(tm, "status", "TC911 TCEMA", "911 and public inquiry line: %d calls in the last 2 hours" % c_, "911 supervisor")

EV.sort(key=lambda e: e[0])  # stable: same-minute events keep their order
EVENTS = []
for k, (when, kind, ags, text, src, sig) in enumerate(EV):
    EVENTS.append({"id": k + 1, "incident": 1, "time": when, "kind": kind,
                   "agencies": sorted(AG_ID[a] for a in ags.split()), "text": text, "source": src,
                   "significant": sig})

# ---- map features ---------------------------------------------------------------------------
FEATURES = []


def feat(kind, label, geom_type, coords, agency=None, incident=None, layer=None, **extra):
    props = {"kind": kind}
    if label:
        props["label"] = label
    if agency:
        props["agency"] = AG_ID[agency]
    if incident:
        props["incident"] = incident
    if layer:
        props["layer"] = layer
    for k in sorted(extra):
        props[k] = extra[k]
    FEATURES.append({"type": "Feature", "id": len(FEATURES) + 1,
                     "geometry": {"type": geom_type, "coordinates": coords},
                     "properties": props})


OPS = "operations"
feat("incident_site", "Leaking chlorine tank car TVRX 40211, track 4", "Point", ll(*SITE), "TVRR", 1, OPS,
     product="Chlorine, UN1017, ERG 124")
feat("zone", "Isolation zone (300 m)", "Polygon", [circle(SITE[0], SITE[1], 0.3)], "RCFD", 1, OPS,
     zone="hot")
evac_outer = ring([(-1.00, -0.05), (-0.40, -0.20), (0.40, -0.30), (1.20, -0.40), (1.65, -0.25),
                   (1.70, 0.40), (1.45, 1.05), (0.80, 1.15), (0.10, 0.95), (-0.55, 0.70),
                   (-1.05, 0.45)])
evac_hole = ring([(0.62, 0.40), (0.62, 0.55), (0.80, 0.55), (0.80, 0.40)])
feat("zone", "Evacuation Zone A", "Polygon", [evac_outer, evac_hole], "RCPD", 1, OPS,
     zone="evacuation", note="Riverside Manor (hole) shelters in place")
feat("zone", "Riverside Manor - shelter in place", "Polygon", [ring([(0.62, 0.40), (0.80, 0.40), (0.80, 0.55), (0.62, 0.55)])],
     "TCHD", 1, OPS, zone="shelter_in_place")
feat("zone", "Shelter-in-place zone (east)", "Polygon",
     [ring([(1.65, -0.25), (2.60, -0.45), (3.00, 0.10), (2.95, 1.20), (2.30, 1.70), (1.45, 1.05),
            (1.70, 0.40)])], "TCEMA", 1, OPS, zone="shelter_in_place")
feat("command_post", "Unified Command Post - RCFD Station 2", "Point", ll(*ICP), "RCFD", 1, OPS)
feat("staging_area", "Staging 1 - Westgate Plaza", "Point", ll(-2.40, 0.60), "RCFD", 1, OPS)
feat("staging_area", "Staging 2 - Southside Park & Ride (buses)", "Point", ll(-1.60, -1.40), "TCTA", 1, OPS)
feat("staging_area", "Media staging - Westgate Plaza north lot", "Point", ll(-2.35, 0.78), "TCEMA", 1, OPS)
feat("other", "Decontamination corridor", "Point", ll(-1.85, 0.30), "HAZ14", 1, OPS, facility="decon")
feat("other", "Casualty collection point", "Point", ll(-1.95, 0.62), "TVEMS", 1, OPS, facility="triage")
feat("shelter", "Northside High School shelter", "Point", ll(*SHELTER_N), "ARC", 1, OPS, capacity=500)
feat("shelter", "Southside Community Center shelter", "Point", ll(*SHELTER_S), "ARC", 1, OPS, capacity=150)
feat("shelter", "Grace Fellowship Church (overflow, not open)", "Point", ll(*SHELTER_W), "ARC", 1, OPS, capacity=120)
feat("hospital", "River City General Hospital", "Point", ll(*RCGH_XY), "RCGH", None, OPS)
feat("hospital", "Mercy Valley Medical Center", "Point", ll(*MVMC_XY), "MVMC", None, OPS)
feat("other", "Tamarack County EOC (County Annex)", "Point", ll(*EOC), "TCEMA", 1, OPS, facility="EOC")
feat("other", "Joint Information Center", "Point", ll(-2.50, 2.26), "TCEMA", 1, OPS, facility="JIC")
for k, (xy, lbl) in enumerate([((-1.50, 0.55), "TCP 1 Route 44 at Mill Rd"),
                               ((0.00, 0.50), "TCP 2 Route 44 at Main St"),
                               ((2.08, 0.50), "TCP 3 Route 44 at SR 287"),
                               ((0.00, -0.55), "TCP 4 Main St bridge (south end)"),
                               ((-1.50, 0.35), "TCP 5 Front St at Mill Rd")]):
    feat("other", lbl, "Point", ll(*xy), "RCPD", 1, OPS, facility="traffic_control_point")
for k, (xy, lbl) in enumerate([((-0.20, 0.45), AIR_POINTS[0]), ((0.05, -0.20), AIR_POINTS[1]),
                               ((0.75, 0.62), AIR_POINTS[2]), ((2.05, 0.60), AIR_POINTS[3])]):
    feat("other", "Air monitor " + lbl, "Point", ll(*xy), "DEP", 1, OPS, facility="air_monitor")
feat("landmark", "Riverside Elementary School (relocated)", "Point", ll(*SCHOOL_RIVERSIDE), "RCASD", None, OPS)
feat("landmark", "Riverside Manor nursing home", "Point", ll(*NURSING_HOME), None, None, OPS)
feat("landmark", "Water intake and treatment plant", "Point", ll(2.60, -0.85), "RCWA", None, OPS)

BM = "basemap"
feat("river", "Tamarack River", "LineString",
     [ll(x, y) for x, y in [(-3.2, -0.40), (-2.2, -0.22), (-1.4, -0.36), (-0.6, -0.16), (0.2, -0.30),
                            (1.0, -0.60), (1.8, -0.50), (2.5, -0.82), (3.2, -0.72)]], layer=BM,
     width_m=120)
feat("river", "Mill Creek", "LineString",
     [ll(x, y) for x, y in [(0.65, 3.10), (0.50, 2.00), (0.30, 1.05), (0.26, 0.20), (0.20, -0.28)]],
     layer=BM, width_m=8)
feat("other", "Tamarack Valley Railroad main line", "LineString",
     [ll(x, y) for x, y in [(-3.2, 0.10), (-2.0, 0.15), (-1.2, 0.06), (-0.6, 0.20), (0.2, 0.14),
                            (1.2, -0.05), (2.2, 0.00), (3.2, -0.10)]], "TVRR", None, BM, railway="main")
feat("other", "Riverside yard tracks", "LineString",
     [ll(x, y) for x, y in [(-1.25, 0.10), (-0.95, 0.24), (-0.40, 0.26), (-0.10, 0.18)]], "TVRR", None, BM,
     railway="yard")
ROADS = [
    ("State Route 44", [(-3.2, 0.60), (-1.5, 0.55), (0.0, 0.50), (1.5, 0.55), (3.2, 0.72)], "primary"),
    ("State Route 287 Bypass", [(2.30, -3.2), (2.05, -1.0), (2.08, 0.50), (1.85, 3.2)], "primary"),
    ("Main Street", [(0.0, -3.0), (0.0, -0.45), (0.0, 0.50), (0.0, 3.0)], "secondary"),
    ("Mill Road", [(-1.55, -3.0), (-1.50, -0.30), (-1.50, 0.55), (-1.45, 3.0)], "secondary"),
    ("Front Street", [(-1.50, 0.35), (-0.60, 0.38), (0.50, 0.32), (1.50, 0.28)], "tertiary"),
    ("Ridge Road", [(-3.0, 1.85), (-1.0, 1.80), (1.0, 1.90), (3.0, 1.95)], "tertiary"),
    ("River Road", [(-3.0, -1.20), (-1.0, -1.25), (1.0, -1.35), (3.0, -1.45)], "tertiary"),
    ("Hill Street", [(-2.8, 2.30), (-2.2, 2.25), (-1.45, 2.20)], "residential"),
    ("Hospital Drive", [(-1.45, 1.65), (-1.25, 1.65)], "residential"),
    ("Valley Road", [(0.0, -2.15), (1.45, -2.15), (2.20, -2.25)], "residential"),
]
for name, pts, cls in ROADS:
    feat("road", name, "LineString", [ll(x, y) for x, y in pts], layer=BM, road_class=cls)
feat("landmark", "Main Street bridge", "Point", ll(0.0, -0.25), layer=BM)
feat("landmark", "Westgate bridge (Mill Road)", "Point", ll(-1.50, -0.33), layer=BM)
feat("boundary", "City of River City", "Polygon",
     [ring([(-2.9, -2.7), (2.9, -2.7), (3.0, 0.0), (2.9, 2.8), (-2.9, 2.8), (-3.0, 0.0)])], layer=BM,
     boundary="city")
DISTRICTS = [
    ("Westgate", [(-3.0, 0.0), (-2.2, -0.22), (-1.45, -0.35), (-1.45, 2.8), (-2.9, 2.8)]),
    ("Downtown", [(-1.45, -0.35), (-0.6, -0.16), (0.2, -0.30), (0.9, -0.56), (0.9, 1.2), (-1.45, 1.2)]),
    ("East End", [(0.9, -0.56), (1.8, -0.50), (2.5, -0.82), (3.0, 0.0), (2.95, 1.2), (0.9, 1.2)]),
    ("Northside", [(-1.45, 1.2), (2.95, 1.2), (2.9, 2.8), (-1.45, 2.8)]),
    ("Southside", [(-2.9, -2.7), (2.9, -2.7), (2.5, -0.82), (1.8, -0.50), (0.9, -0.56), (0.2, -0.30),
                   (-0.6, -0.16), (-1.45, -0.35), (-2.2, -0.22), (-3.0, 0.0)]),
]
for name, pts in DISTRICTS:
    feat("boundary", name + " district", "Polygon", [ring(pts)], layer=BM, boundary="district")


# ---- shared infrastructure: what carries many channels (and people) at once ----------------
# Added after every random draw above, so the rest of the demo stays as it was. Positions in
# local km like everything else; carried_by is decided by rules (below), not by chance.
INFRA = []


def infra(name, kind, xy, depends=(), notes="", feature=None):
    INFRA.append({"id": len(INFRA) + 1, "name": name, "kind": kind, "xy": xy,
                  "depends": list(depends), "notes": notes, "feature": feature})
    return INFRA[-1]["id"]


YARD_XY = (-0.95, 0.25)
TC911_XY = (-2.40, 2.27)
CO_XY = (0.05, 0.40)
FEEDER = infra("Hilltop feeder 12 (power)", "power_feed", (-2.70, 2.58),
               notes="Utility feed to the Hilltop tower site; the site generator is out of service")
TOWER = infra("Hilltop tower site (county P25 trunked radio)", "tower", (-2.78, 2.66), [FEEDER],
              notes="Carries every county talkgroup (TG 2101 to TG 2750)")
CONSOLES = infra("Tamarack County 911 centre consoles", "dispatch_centre", TC911_XY,
                 notes="Dispatch consoles in the County Annex, lower level")
PBX = infra("River City General Hospital PBX", "phone_exchange", RCGH_XY,
            notes="Every desk line of the hospital")
ANNEX = infra("Tamarack County Annex (EOC building)", "building", EOC,
              notes="The EOC floor; its in-person tables")
UPLINK = infra("County Annex internet uplink", "internet_uplink", (-2.47, 2.33), [ANNEX],
               notes="County and agency e-mail relays through it")
YARD = infra("Riverside yard office (TVRR)", "building", YARD_XY,
             notes="TVRR's yard crew and managers work from here")
CO = infra("Front Street central office (telephone exchange)", "phone_exchange", CO_XY,
           notes="Landlines of downtown: police HQ, City Hall, the rail yard")


def carried_by(c):
    out = []
    ends = [REP_BY_ID[c["from_rep"]]["code"], REP_BY_ID[c["to_rep"]]["code"]] if c["from_rep"] else \
        [CODES[c["from_agency"] - 1], CODES[c["to_agency"] - 1]]
    if c["medium"] == "radio" and c["identifier"].startswith("TG "):
        out.append(TOWER)
    if c["medium"] == "radio" and "TC911" in ends:
        out.append(CONSOLES)
    if c["medium"] == "phone" and "RCGH" in ends:
        out.append(PBX)
    if c["medium"] == "in_person" and c["identifier"] == "County EOC":
        out.append(ANNEX)
    if c["medium"] == "phone" and c["identifier"].startswith("(570)") and \
            any(e in ("RCPD", "RCMO", "TVRR") for e in ends):
        out.append(CO)
    if c["medium"] == "email":
        out.append(UPLINK)
    return sorted(set(out))


REP_BY_ID = {r["id"]: r for r in REPS}
# Where people are when it is not their agency's post: the EOC seats and the command post.
REP_XY = {}
for key in EOC_SEATS + ["TCEMA." + k for k, _, _ in ROSTER["TCEMA"]]:
    REP_XY[REP[key]["id"]] = EOC
for key in ICP_MEMBERS + ["RCFD.ic"]:
    REP_XY[REP[key]["id"]] = ICP
REP_CARRIED = {r["id"]: [YARD] for r in REPS if r["code"] == "TVRR"}

# The plume model's footprint (the 15:25 run): the zone a what-if fails before the hazard gets
# there. Last of the features, so every other feature keeps its id.
feat("zone", "Modelled plume footprint (15:25 run)", "Polygon",
     [ring([(-1.05, 0.15), (-0.70, 0.00), (0.20, 0.25), (1.00, 0.55), (1.40, 0.85), (1.10, 1.05),
            (0.30, 0.85), (-0.40, 0.55), (-1.05, 0.35)])], "CST", 1, OPS, zone="plume")
PLUME_FEATURE = FEATURES[-1]["id"]


def task_history(key, status, due):
    """Deterministic history: created a few hours before its due time (not before the start),
    started soon after, blocked or done later; done tasks sometimes late."""
    h = zlib.crc32(key.encode())
    span = max(timedelta(minutes=30), min(due - START, timedelta(hours=4)))
    created = max(START, due - span + timedelta(minutes=h % 40))
    started = blocked = done = None
    if status in ("doing", "blocked", "done"):
        started = created + timedelta(minutes=5 + h % 25)
    if status == "blocked":
        blocked = started + timedelta(minutes=10 + (h >> 5) % 30)
    if status == "done":
        done = started + timedelta(minutes=20 + (h >> 7) % 100)
    return created, started, blocked, done

# ---- the message log: what was actually said, between whom ---------------------------------
# Its own random stream, so the other files stay as they were. Every need gets traffic between
# its two agencies at gaps around its priority's silence interval (critical 30 min, high 60,
# normal 120, low 240; longer gaps at night), and a contact within its interval before the log
# ends, except the one planted silent critical need. A 911 Fire/EMS dispatcher, with no formal
# liaison role, relays field traffic between fire, hazmat, EMS, police and the hospitals: the
# planted emergent coordinator. assets/README.md lists both.
MRNG = random.Random(SEED + 16)
LOG_END = END - timedelta(minutes=5)  # ENDEX, 12:25 UTC on 15 May
SILENCE = {"critical": 30, "high": 60, "normal": 120, "low": 240}
PLANTED_SILENT = ("ARC", "RCASD")     # the Northside High School shelter MOU (critical)
PLANTED_SILENT_MIN = 130              # its last contact: 2 h 10 min before the log ends
EMERGENT = "TC911.fd"                 # Fire/EMS Dispatcher
MESSAGES = []


def liaison_of(code):
    for key, position, _ in ROSTER[code]:
        p = position.lower()
        if "agency representative" in p or "liaison" in p:
            return REP[code + "." + key]
    return REP[code + "." + ROSTER[code][0][0]]


def rep_channels(a, b):
    out = []
    for c in CHANNELS:
        if c["from_rep"] and {c["from_rep"], c["to_rep"]} == {a["id"], b["id"]} and c["status"] != "down":
            if c["from_rep"] == a["id"] or c["direction"] == "two_way":
                out.append(c)
    return out


KIND_OF = {"phone": "call", "radio": "radio", "email": "email", "in_person": "in_person", "data_link": "chat"}
RECORDERS = ["EOC liaison desk", "EOC liaison desk", "ICP communications unit", "EOC message center"]
OPENERS = ["Update on", "Status check:", "Request re", "Confirming", "Follow-up:", "Question on",
           "Heads-up:", "Done:"]


def message(when, frm, to, medium, subject, text, need=None, task=None, channel=None, reply_to=None,
            from_agency=None, to_agencies=(), kind=None, sensitive=False):
    assert START <= when <= LOG_END
    MESSAGES.append({"time": when, "from_rep": frm["id"] if frm else None, "from_agency": from_agency,
                     "to_reps": [r["id"] for r in to], "to_agencies": list(to_agencies),
                     "channel": channel, "medium": medium, "kind": kind or KIND_OF[medium],
                     "subject": subject, "text": text, "need": need, "task": task,
                     "reply_to": reply_to, "recorded_by": MRNG.choice(RECORDERS),
                     "sensitive": sensitive})
    return MESSAGES[-1]


def need_traffic(index, a, b_, reason, prio, tk):
    need_id, interval = index + 1, SILENCE[prio]
    planted = (a, b_) == PLANTED_SILENT
    end = LOG_END - timedelta(minutes=PLANTED_SILENT_MIN) if planted else LOG_END
    when = START + timedelta(minutes=MRNG.uniform(5, 60))
    times = []
    while when < end:
        times.append(when)
        night = START + PERIOD <= when < START + PERIOD + timedelta(hours=8)
        when += timedelta(minutes=interval * MRNG.uniform(0.5, 1.6) * (1.6 if night else 1.0))
    if planted:
        times = [x for x in times if x < end] + [end]
    elif (LOG_END - times[-1]).total_seconds() / 60 > 0.7 * interval:
        times.append(LOG_END - timedelta(minutes=interval * MRNG.uniform(0.15, 0.6)))
    prev = None
    for when in times:
        side = MRNG.random() < 0.5
        fa, ta = (a, b_) if side else (b_, a)
        members = lambda code: [REP[code + "." + k] for k, _, _ in ROSTER[code]]
        frm = liaison_of(fa) if MRNG.random() < 0.7 else MRNG.choice(members(fa))
        to = liaison_of(ta) if MRNG.random() < 0.7 else MRNG.choice(members(ta))
        chans = rep_channels(frm, to)
        channel = None
        if chans and MRNG.random() < 0.8:
            c = MRNG.choice(chans)
            medium = c["medium"]
            channel = c["id"] if MRNG.random() < 0.5 else None
        else:
            medium = MRNG.choice(["phone", "phone", "phone", "email", "radio", "in_person"])
        kind = KIND_OF[medium]
        if medium in ("email", "in_person") and MRNG.random() < 0.08:
            kind = "ics213"
        from_agency, to_agencies, to_reps, sender = None, [], [to], frm
        r = MRNG.random()
        if r < 0.06:
            sender, from_agency = None, AG_ID[fa]  # a call from "someone at" the agency
        elif r < 0.14:
            to_reps, to_agencies = [], [AG_ID[ta]]  # to the agency's desk
        reply = prev["id"] if prev is not None and MRNG.random() < 0.3 else None
        subject = reason if MRNG.random() < 0.5 else ""
        text = "%s %s" % (MRNG.choice(OPENERS), reason[0].lower() + reason[1:])
        sensitive = ("RCGH" in (a, b_) or "MVMC" in (a, b_)) and MRNG.random() < 0.1
        m = message(when, sender, to_reps, medium, subject, text, need=need_id if MRNG.random() < 0.4 else None,
                    task=TASK_ID[tk] if tk and MRNG.random() < 0.3 else None, channel=channel,
                    from_agency=from_agency, to_agencies=to_agencies, kind=kind, sensitive=sensitive)
        m["_reply_key"] = reply
        m["_key"] = (need_id, len(MESSAGES))
        m["id"] = m["_key"]
        prev = m


for _i, (_a, _b, _reason, _prio, _src, _tk) in enumerate(NEEDS_SRC):
    need_traffic(_i, _a, _b, _reason, _prio, _tk)

# The dispatcher relays field traffic: a report comes in by radio, goes out by phone or radio.
_RELAY = [("RCFD.cap", "RCGH.ed", "Patient count from Division A"), ("HAZ14.entry", "TVEMS.ops", "Entry team rehab and vitals"),
          ("TVEMS.tri", "RCGH.ed", "Inbound decontaminated patients"), ("TVEMS.trn", "MVMC.ed", "Ventilated transfer ETA"),
          ("RCPD.sgt", "TVEMS.tri", "Resident with breathing difficulty at the zone edge"),
          ("TCSO.lt", "RCFD.ops", "Road closure at SR 287 and the river"), ("RCFD.ops", "RCPD.tcp", "Apparatus route into the yard"),
          ("STP.hwy", "TVEMS.ops", "Crash at the Route 44 roadblock"), ("TVEMS.ops", "MVMC.ed", "Second wave of patients")]
_when = START + timedelta(minutes=35)
_dsp = REP[EMERGENT]
while _when < LOG_END - timedelta(minutes=40):
    src, dst, what = _RELAY[MRNG.randrange(len(_RELAY))]
    m1 = message(_when, REP[src], [_dsp], "radio", "", "%s (for %s)" % (what, REP[dst]["code"]))
    m1["id"] = m1["_key"] = ("relay", len(MESSAGES))
    _out = _when + timedelta(minutes=MRNG.uniform(1, 6))
    m2 = message(_out, _dsp, [REP[dst]], "phone" if REP[dst]["code"] in ("RCGH", "MVMC") else "radio",
                 "", "Relayed from %s: %s" % (REP[src]["code"], what[0].lower() + what[1:]))
    m2["id"] = m2["_key"] = ("relay", len(MESSAGES))
    m2["_reply_key"] = m1["_key"]
    night = START + PERIOD <= _when < START + PERIOD + timedelta(hours=8)
    _when += timedelta(minutes=MRNG.uniform(15, 40) * (1.8 if night else 1.0))

message(LOG_END, REP["TCEMA.lofr"], [], "email", "ENDEX", "ENDEX ENDEX ENDEX: the exercise has ended; hot wash notes to the EOC",
        to_agencies=sorted(AG_ID[c] for c in CODES if c != "TCEMA"), kind="email")["id"] = ("endex", 0)

# Ids in time order (ties by the order written); replies point at the final ids.
MESSAGES.sort(key=lambda m: m["time"])
_final = {}
for _n, _m in enumerate(MESSAGES):
    _final[_m["id"]] = _n + 1
for _m in MESSAGES:
    _m["reply_to"] = _final[_m["_reply_key"]] if _m.get("_reply_key") is not None else None
    _m["id"] = _final[_m["id"]]
    assert _m["reply_to"] is None or _m["reply_to"] < _m["id"]


def check_messages():
    """The planted findings hold: exactly one silent critical need, and the dispatcher's load."""
    by_agency = {r["id"]: r["agency"] for r in REPS}
    ends = []
    for m in MESSAGES:
        fa = m["from_agency"] or by_agency[m["from_rep"]]
        tas = set(m["to_agencies"]) | {by_agency[x] for x in m["to_reps"]}
        ends.append((m["time"], fa, tas))
    silent = []
    for i, (a, b_, reason, prio, src, tk) in enumerate(NEEDS_SRC):
        last = max(t_ for t_, fa, tas in ends if (fa == AG_ID[a] and AG_ID[b_] in tas) or
                   (fa == AG_ID[b_] and AG_ID[a] in tas))
        gap = (LOG_END - last).total_seconds() / 60
        if gap > SILENCE[prio]:
            silent.append((a, b_, prio, gap))
    assert silent == [(PLANTED_SILENT[0], PLANTED_SILENT[1], "critical", PLANTED_SILENT_MIN)], silent
    load = {}
    for m in MESSAGES:
        for x in ([m["from_rep"]] if m["from_rep"] else []) + m["to_reps"]:
            load[x] = load.get(x, 0) + 1
    top = max(load, key=lambda x: load[x])
    # The dispatcher carries many times a typical person's traffic, with people of many agencies
    # (the analysis's rule, core/analysis/communications.hpp, is checked by an e2e test).
    dsp = REP[EMERGENT]["id"]
    loads = sorted(load.values())
    assert load[dsp] >= 4 * loads[len(loads) // 2], (load[dsp], loads[len(loads) // 2])
    reached = set()
    for m in MESSAGES:
        if m["from_rep"] == dsp:
            reached |= {by_agency[x] for x in m["to_reps"]}
        elif dsp in m["to_reps"]:
            reached.add(m["from_agency"] or by_agency[m["from_rep"]])
    reached.discard(REP[EMERGENT]["agency"])
    assert len(reached) >= 3, reached
    return len(MESSAGES), load[dsp], top


# ---- writing --------------------------------------------------------------------------------


def b(v):
    return "true" if v else "false"


def ids(lst):
    return ";".join(str(x) for x in lst)


def opt(v):
    return "" if v is None else v


PLAIN_NUMBER = re.compile(r"[+-][0-9]+(\.[0-9]+)?")


def guard_cell(v):
    """Liaison's CSV writer's guard against CSV injection (core/formats/csv.hpp): a cell that a
    spreadsheet would read as a formula gets a leading apostrophe; plain numbers do not."""
    s = str(v)
    t = s
    while t.startswith("'"):
        t = t[1:]
    if t and (t[0] in "=@\t\r" or (t[0] in "+-" and not PLAIN_NUMBER.fullmatch(t))):
        return "'" + s
    return v


def write_csv(name, header, rows):
    buf = io.StringIO()
    buf.write("\ufeff")  # a UTF-8 byte-order mark, as Liaison's export writes it
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        assert len(r) == len(header), (name, r)
        w.writerow(["" if v is None else guard_cell(v) for v in r])
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return buf.getvalue()


def latlon_text(xy):
    la, lo = latlon(*xy)
    return fnum(round(la, 5)), fnum(round(lo, 5))


def fnum(x):
    """Shortest round-trip form of a float; integral values without '.0'."""
    x = float(x)
    if x == int(x):
        return str(int(x))
    return repr(x)


def main():
    os.makedirs(OUT, exist_ok=True)
    write_csv("incidents.csv", ["id", "name", "number", "kind", "exercise", "start", "end", "location", "description",
                                "time_zone"],
              [[INCIDENT["id"], INCIDENT["name"], INCIDENT["number"], INCIDENT["kind"], b(INCIDENT["exercise"]),
                iso(INCIDENT["start"]), iso(INCIDENT["end"]), INCIDENT["location"], INCIDENT["description"],
                "America/New_York"]])
    write_csv("periods.csv", ["id", "incident", "number", "start", "end", "objectives"],
              [[p["id"], p["incident"], p["number"], iso(p["start"]), iso(p["end"]), p["objectives"]]
               for p in PERIODS])
    rows = []
    for i, a in enumerate(AGENCIES):
        (code, name, typ, role, disc, juris, loc, xy, agr, res, pers, cond, cons, repl) = a[:14]
        lat = lon = ""
        if xy is not None:
            la, lo = latlon(*xy)
            lat, lon = fnum(round(la, 5)), fnum(round(lo, 5))
        rows.append([i + 1, code, name, typ, role, disc, juris, loc, lat, lon, agr, res, pers, cond, cons,
                     repl, "", "up"])
    write_csv("agencies.csv", ["id", "code", "name", "type", "role", "discipline", "jurisdiction", "location",
                               "lat", "lon", "agreements", "resources", "personnel", "condition",
                               "constraints", "rep_location", "notes", "status"], rows)
    write_csv("representatives.csv", ["id", "agency", "name", "position", "shift", "on_duty", "lat", "lon",
                                      "carried_by"],
              [[r["id"], r["agency"], r["name"], r["position"], r["shift"], b(r["on_duty"]),
                *(latlon_text(REP_XY[r["id"]]) if r["id"] in REP_XY else ("", "")),
                ids(REP_CARRIED.get(r["id"], []))]
               for r in REPS])
    write_csv("contacts.csv", ["representative", "kind", "value", "sensitive", "note"],
              [[r["id"], k, v, b(s), note] for r in REPS for (k, v, s, note) in r["contacts"]])
    write_csv("channels.csv", ["id", "from_representative", "to_representative", "from_agency", "to_agency",
                               "medium", "identifier", "latency_min", "reliability", "status", "direction",
                               "notes", "carried_by"],
              [[c["id"], opt(c["from_rep"]), opt(c["to_rep"]), opt(c["from_agency"]), opt(c["to_agency"]),
                c["medium"], c["identifier"], fnum(c["latency"]), fnum(c["reliability"]), c["status"],
                c["direction"], c["notes"], ids(carried_by(c))] for c in CHANNELS])
    write_csv("needs.csv", ["id", "agency_a", "agency_b", "reason", "priority", "source", "task",
                            "latency_budget", "reliability_floor"],
              [[i + 1, AG_ID[a], AG_ID[b_], reason, prio, src, TASK_ID[tk] if tk else "", "", ""]
               for i, (a, b_, reason, prio, src, tk) in enumerate(NEEDS_SRC)])
    write_csv("events.csv", ["id", "incident", "time", "kind", "agencies", "text", "source", "significant"],
              [[e["id"], e["incident"], iso(e["time"]), e["kind"], ids(e["agencies"]), e["text"], e["source"],
                b(e["significant"])] for e in EVENTS])
    trows = []
    for i, (key, title, status, prio, owner, orep, inv, due, deps, desc) in enumerate(TASKS_SRC):
        trows.append([i + 1, 1, title, desc, status, prio, AG_ID[owner], REP[orep]["id"],
                      ids(sorted(AG_ID[x] for x in inv.split())), iso(due),
                      ids(sorted(TASK_ID[d] for d in deps)),
                      *[iso(x) if x else "" for x in task_history(key, status, due)]])
    write_csv("tasks.csv", ["id", "incident", "title", "description", "status", "priority", "owner_agency",
                            "owner_representative", "involved", "due", "depends_on", "created_at",
                            "started_at", "blocked_at", "done_at"], trows)
    write_csv("infrastructure.csv", ["id", "name", "kind", "status", "lat", "lon", "feature", "depends_on",
                                     "notes"],
              [[x["id"], x["name"], x["kind"], "up", *latlon_text(x["xy"]), x["feature"] or "",
                ids(x["depends"]), x["notes"]] for x in INFRA])
    write_csv("messages.csv", ["id", "time", "from_representative", "from_agency", "to_representatives",
                               "to_agencies", "channel", "medium", "kind", "subject", "text", "need", "task",
                               "reply_to", "recorded_by", "sensitive"],
              [[m["id"], iso(m["time"]), opt(m["from_rep"]), opt(m["from_agency"]), ids(m["to_reps"]),
                ids(m["to_agencies"]), opt(m["channel"]), m["medium"], m["kind"], m["subject"], m["text"],
                opt(m["need"]), opt(m["task"]), opt(m["reply_to"]), m["recorded_by"], b(m["sensitive"])]
               for m in MESSAGES])
    with open(os.path.join(OUT, "features.geojson"), "w", encoding="utf-8", newline="") as f:
        f.write(geojson_text(FEATURES))
    check()
    n, dsp, top = check_messages()
    print("messages %d; the planted emergent coordinator %s (%s) carries %d; the busiest person is %d; "
          "the planted silent need: %s - %s, last contact %d min before the log ends" % (
              n, REP[EMERGENT]["name"], REP[EMERGENT]["position"], dsp, top, PLANTED_SILENT[0],
              PLANTED_SILENT[1], PLANTED_SILENT_MIN))


# ---- GeoJSON text in the layout of Liaison's exporter (2-space indent, one position a line) --

def jnum(v):
    return fnum(v) if isinstance(v, float) else json.dumps(v, ensure_ascii=False)


def pos(p):
    return "[%s, %s]" % (fnum(p[0]), fnum(p[1]))


def positions(lst, indent):
    pad = "  " * (indent + 1)
    return "[\n" + ",\n".join(pad + pos(p) for p in lst) + "\n" + "  " * indent + "]"


def geojson_text(features):
    # The "liaison" marker, as Liaison's export writes it (core/formats/geojson.cpp).
    out = ['{\n  "type": "FeatureCollection",\n'
           '  "liaison": {"format": "features", "version": 1},\n  "features": [']
    for i, f in enumerate(features):
        out.append("\n" if i == 0 else ",\n")
        out.append('    {\n      "type": "Feature",\n      "id": %d,\n' % f["id"])
        g = f["geometry"]
        out.append('      "geometry": {\n        "type": "%s",\n        "coordinates": ' % g["type"])
        if g["type"] == "Point":
            out.append(pos(g["coordinates"]))
        elif g["type"] == "LineString":
            out.append(positions(g["coordinates"], 4))
        else:
            out.append("[\n" + ",\n".join("          " + positions(r, 5) for r in g["coordinates"])
                       + "\n        ]")
        out.append("\n      },\n      \"properties\": {")
        items = list(f["properties"].items())
        for k, (key, value) in enumerate(items):
            out.append("\n" if k == 0 else ",\n")
            out.append("        %s: %s" % (json.dumps(key, ensure_ascii=False), jnum(value)))
        out.append("\n      }" if items else "}")
        out.append("\n    }")
    out.append("\n  ]\n}\n" if features else "]\n}\n")
    return "".join(out)


# ---- self-check -----------------------------------------------------------------------------
ENUMS = {
    "type": {"fire", "law", "ems", "hospital", "public_health", "public_works", "utility", "school", "transit",
             "ngo", "media", "government", "military", "private", "other"},
    "role": {"assisting", "cooperating"},
    "contact": {"phone", "cell", "radio", "email", "pager", "satphone", "fax", "other"},
    "medium": {"radio", "phone", "email", "in_person", "data_link"},
    "status": {"up", "degraded", "down"},
    "direction": {"two_way", "one_way"},
    "priority": {"critical", "high", "normal", "low"},
    "source": {"manual", "task", "agreement"},
    "event": {"report", "decision", "request", "message", "status", "resource", "alert", "inject", "note"},
    "task": {"todo", "doing", "blocked", "done"},
    "feature": {"incident_site", "command_post", "staging_area", "shelter", "hospital", "zone", "road", "river",
                "boundary", "landmark", "other"},
}

# The single points of failure built in on purpose (articulation points of the undirected graph of
# representatives joined by channels between representatives).
INTENDED_CUT_REPS = ["TCEMA.do", "TCHD.phl", "TCTA.dsp", "RCASD.trn"]
INTENDED_BRIDGES = [("RCASD.trn", "TCTA.dsp")]


def articulation_points(nodes, adj):
    """Iterative Hopcroft-Tarjan: returns (articulation points, bridges, number of components)."""
    disc, low, cut, bridges = {}, {}, set(), set()
    timer = [0]
    comps = 0
    for root in nodes:
        if root in disc:
            continue
        comps += 1
        disc[root] = low[root] = timer[0]
        timer[0] += 1
        children = 0
        stack = [(root, None, iter(sorted(adj[root])))]
        while stack:
            v, parent_edge, it = stack[-1]
            advanced = False
            for (w, eid) in it:
                if eid == parent_edge:
                    continue
                if w in disc:
                    low[v] = min(low[v], disc[w])
                else:
                    disc[w] = low[w] = timer[0]
                    timer[0] += 1
                    stack.append((w, eid, iter(sorted(adj[w]))))
                    if v == root:
                        children += 1
                    advanced = True
                    break
            if advanced:
                continue
            stack.pop()
            if stack:
                u = stack[-1][0]
                low[u] = min(low[u], low[v])
                if low[v] > disc[u]:
                    bridges.add(tuple(sorted((u, v))))
                if u != root and low[v] >= disc[u]:
                    cut.add(u)
        if children > 1:
            cut.add(root)
    return cut, bridges, comps


def rep_graph(channels, skip_down=False):
    nodes = [r["id"] for r in REPS]
    adj = {n: [] for n in nodes}
    for c in channels:
        if c["from_rep"] is None or (skip_down and c["status"] == "down"):
            continue
        adj[c["from_rep"]].append((c["to_rep"], c["id"]))
        adj[c["to_rep"]].append((c["from_rep"], c["id"]))
    return nodes, adj


def check():
    import re
    time_re = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
    phone_re = re.compile(r"^\(\d{3}\) 555-01\d\d$")
    ag_ids = set(AG_ID.values())
    assert len(set(CODES)) == len(CODES), "agency codes must be unique"
    for a in AGENCIES:
        assert a[2] in ENUMS["type"] and a[3] in ENUMS["role"], a[0]
        assert a[1] and a[0]
    rep_ids = [r["id"] for r in REPS]
    assert len(set(rep_ids)) == len(rep_ids)
    rep_set = set(rep_ids)
    numbers = []
    for r in REPS:
        assert r["agency"] in ag_ids and r["name"]
        assert 1 <= len(r["contacts"]) <= 3
        for k, v, s, _ in r["contacts"]:
            assert k in ENUMS["contact"] and v
            if k in ("phone", "cell"):
                assert phone_re.match(v), v
                numbers.append(v)
            assert s == (k == "cell"), "cell numbers (and only those) are sensitive"
    assert len(set(numbers)) == len(numbers), "phone numbers must be unique"
    per_agency = {}
    for r in REPS:
        per_agency[r["agency"]] = per_agency.get(r["agency"], 0) + 1
    assert all(2 <= n <= 8 for n in per_agency.values()) and set(per_agency) == ag_ids
    ch_ids = [c["id"] for c in CHANNELS]
    assert len(set(ch_ids)) == len(ch_ids)
    for c in CHANNELS:
        reps_pair = c["from_rep"] is not None and c["to_rep"] is not None
        ag_pair = c["from_agency"] is not None and c["to_agency"] is not None
        assert reps_pair != ag_pair, c
        if reps_pair:
            assert c["from_rep"] in rep_set and c["to_rep"] in rep_set and c["from_rep"] != c["to_rep"], c
            assert c["from_agency"] is None and c["to_agency"] is None
        else:
            assert c["from_agency"] in ag_ids and c["to_agency"] in ag_ids and c["from_agency"] != c["to_agency"]
        assert c["medium"] in ENUMS["medium"] and c["status"] in ENUMS["status"]
        assert c["direction"] in ENUMS["direction"]
        assert c["latency"] >= 0 and 0.0 <= c["reliability"] <= 1.0, c
        if c["medium"] == "phone" and c["from_rep"]:
            assert phone_re.match(c["identifier"]), c  # desk lines only, never a sensitive cell
    sensitive = {v for r in REPS for (k, v, s, _) in r["contacts"] if s}
    assert not any(c["identifier"] in sensitive for c in CHANNELS), "a channel shows a sensitive number"
    task_ids = set(TASK_ID.values())
    assert len(task_ids) == len(TASKS_SRC)
    for (key, title, status, prio, owner, orep, inv, due, deps, desc) in TASKS_SRC:
        assert title and status in ENUMS["task"] and prio in ENUMS["priority"]
        assert REP[orep]["code"] == owner, key
        assert all(x in AG_ID for x in inv.split()) and all(d in TASK_ID and d != key for d in deps), key
    for (a, b_, reason, prio, src, tk) in NEEDS_SRC:
        assert a != b_ and a in AG_ID and b_ in AG_ID and prio in ENUMS["priority"] and src in ENUMS["source"]
        assert (src == "task") == (tk is not None) and (tk is None or tk in TASK_ID), (a, b_)
    pairs = [tuple(sorted((a, b_))) for a, b_, *_ in NEEDS_SRC]
    assert len(set(pairs)) == len(pairs), "one need per agency pair"
    for e in EVENTS:
        assert e["kind"] in ENUMS["event"] and e["text"] and all(a in ag_ids for a in e["agencies"])
        assert START <= e["time"] <= END, e
        assert time_re.match(iso(e["time"]))
    for p in PERIODS:
        assert p["start"] < p["end"]
    assert INCIDENT["start"] < INCIDENT["end"] and INCIDENT["exercise"]
    f_ids = [f["id"] for f in FEATURES]
    assert len(set(f_ids)) == len(f_ids) and all(i > 0 for i in f_ids)
    for f in FEATURES:
        pr, g = f["properties"], f["geometry"]
        assert pr["kind"] in ENUMS["feature"]
        assert pr.get("agency") is None or pr["agency"] in ag_ids
        assert pr.get("incident") is None or pr["incident"] == 1
        for_pts = []
        if g["type"] == "Polygon":
            for k, r in enumerate(g["coordinates"]):
                assert len(r) >= 4 and r[0] == r[-1], f["id"]
                area2 = sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(r, r[1:]))
                assert (area2 > 0) == (k == 0), "RFC 7946: outer ring counterclockwise, holes clockwise"
                for_pts += r
        elif g["type"] == "LineString":
            assert len(g["coordinates"]) >= 2
            for_pts = g["coordinates"]
        else:
            for_pts = [g["coordinates"]]
        for lon, lat in for_pts:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    # Re-read every CSV: header order, LF endings, ids sorted.
    for name in ["incidents", "periods", "agencies", "representatives", "contacts", "channels", "needs", "events",
                 "tasks"]:
        with open(os.path.join(OUT, name + ".csv"), encoding="utf-8", newline="") as fh:
            text = fh.read()
        assert "\r" not in text and text.startswith("\ufeff"), name
        rows = list(csv.reader(io.StringIO(text[1:])))
        if rows[0][0] == "id":
            col = [int(r[0]) for r in rows[1:]]
            assert col == sorted(col) and len(set(col)) == len(col), name
    json.loads(open(os.path.join(OUT, "features.geojson"), encoding="utf-8").read())

    # Single points of failure.
    name_of = {r["id"]: "%s %s (%s, %s)" % (r["code"], r["key"], r["name"], r["position"]) for r in REPS}
    for skip_down in (False, True):
        nodes, adj = rep_graph(CHANNELS, skip_down)
        cut, bridges, comps = articulation_points(nodes, adj)
        assert comps == 1, "representative graph must be connected (skip_down=%s)" % skip_down
        want = {REP[k]["id"] for k in INTENDED_CUT_REPS}
        assert want <= cut, (skip_down, [name_of[x] for x in want - cut])
        want_b = {tuple(sorted((REP[a]["id"], REP[b_]["id"]))) for a, b_ in INTENDED_BRIDGES}
        assert want_b <= bridges
        if not skip_down:
            assert cut == want, "unintended articulation points: %s" % [name_of[x] for x in cut - want]
            assert bridges == want_b, "unintended bridges: %s" % [(name_of[a], name_of[b_]) for a, b_ in bridges - want_b]
            full_cut, full_bridges = cut, bridges
        else:
            down_cut = cut
    # assets/README.md names these ids; keep it in step if this fails.
    assert [REP[k]["id"] for k in INTENDED_CUT_REPS] == [183, 141, 165, 162], "update assets/README.md"
    bridge_ids = [c["id"] for c in CHANNELS if c["from_rep"] and
                  {c["from_rep"], c["to_rep"]} == {REP["RCASD.trn"]["id"], REP["TCTA.dsp"]["id"]}]
    assert bridge_ids == [1325], "update assets/README.md"
    print("articulation points (all channels):")
    for x in sorted(full_cut):
        print("  %d %s" % (x, name_of[x]))
    print("bridges:")
    for a, b_ in sorted(full_bridges):
        print("  %s -- %s" % (name_of[a], name_of[b_]))
    extra = down_cut - full_cut
    if extra:
        print("extra articulation points once 'down' channels are removed:")
        for x in sorted(extra):
            print("  %d %s" % (x, name_of[x]))
    print("counts: agencies %d, representatives %d, contacts %d, channels %d (%d between agencies), needs %d, "
          "events %d, tasks %d, features %d" % (
              len(AGENCIES), len(REPS), sum(len(r["contacts"]) for r in REPS), len(CHANNELS),
              sum(1 for c in CHANNELS if c["from_agency"]), len(NEEDS_SRC), len(EVENTS), len(TASKS_SRC),
              len(FEATURES)))


if __name__ == "__main__":
    main()
