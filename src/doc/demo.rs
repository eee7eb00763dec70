//! The demo council "Fyrbodals e-råd", hand-transcribed from the seed documents (seeds 000–002;
//! its action plan, from seeds 001, 003 and 004, is in `demo_plan`).
//!
//! Built deterministically — fixed actor, fixed time, ids derived from names — so two browsers
//! that create the demo on their own produce identical changes, and syncing them later merges to
//! one council instead of two copies of every item.

use automerge::{ActorId, AutoCommit};
use autosurgeon::Text;
use radslag_protocol::DocumentId;

use super::demo_plan::DemoDocument;
use super::{council, meeting, DocError};
use crate::model::meeting::{
    ActionItem, ActionStatus, AgendaItem, Attendance, BreakKind, Decision, DiscussionPoint, ItemKind,
    Meeting, MeetingKind, MeetingStatus, NewAgendaItem, EVERYONE,
};
use crate::model::{ActionItemId, DecisionId};
use crate::model::{
    position, AttendanceId, Council, DocUrl, Entry, EntryId, FollowUpReport, ItemId, Mandate,
    MandateVersion, MeetingLink, Organisation, OrganisationId, OrganisationKind, Person, PersonId,
    Question, QuestionId, QuestionStatus, Role, RoleHolder, RoleId,
};
use crate::model::meeting_rules::MeetingRules;

/// The demo council's root document id: fixed, so every device opens the same documents. It
/// is text, not a random (version 4) uuid, so no council created on a device can take it.
pub const ROOT: DocumentId = DocumentId::from_bytes(*b"radslag:demo:rot");

/// A demo meeting's document id, derived from its key ("2019-04-04").
pub fn meeting_id(key: &str) -> DocumentId {
    let ns = uuid::Uuid::from_bytes(*b"radslag:demo:mtg");
    DocumentId::from_bytes(uuid::Uuid::new_v5(&ns, key.as_bytes()).into_bytes())
}

/// The actor of every demo change. Never edit with it: see [`DemoCouncil::hand_over`].
pub const DEMO_ACTOR: &[u8] = b"radslag-demo-fyrbodal-v1";
/// Time stamped on every demo change: 2019-03-04, the mandate's publication date.
pub const DEMO_TIME: i64 = 1_551_657_600;

/// The demo council: its root document and one document per meeting, not yet linked, and the
/// action plan's documents (initiatives, communication plan), which the root already links.
pub struct DemoCouncil {
    pub root: AutoCommit,
    pub meetings: Vec<DemoMeeting>,
    /// Seed 001's workshop boards, already linked from the root.
    pub boards: Vec<super::demo_boards::DemoBoard>,
    /// Open each under `demo_plan::plan_document_id(key)`.
    pub plan_documents: Vec<DemoDocument>,
}

/// One demo meeting document, with what its link in the council shows.
pub struct DemoMeeting {
    /// Stable name of this demo meeting, e.g. "2019-04-04"; derive its document id from it.
    pub key: &'static str,
    pub title: String,
    pub date: String,
    pub kind: MeetingKind,
    pub doc: AutoCommit,
}

impl DemoCouncil {
    /// Link the meeting documents from the root, `urls[i]` for `meetings[i]`, still as the demo
    /// actor. Only identical on every device if the URLs are too (derive the document ids from
    /// [`DemoMeeting::key`]); with random ids, call [`Self::hand_over`] first and link with
    /// `doc::council::add_meeting_link` instead.
    pub fn link_meetings(&mut self, urls: &[DocUrl]) -> Result<(), DocError> {
        if urls.len() != self.meetings.len() {
            return Err(DocError::write(
                "the demo meeting links",
                format!("{} URLs given for {} meetings", urls.len(), self.meetings.len()),
            ));
        }
        for (m, url) in self.meetings.iter().zip(urls) {
            let link = MeetingLink {
                url: url.clone(),
                title: m.title.clone(),
                date: m.date.clone(),
                kind: m.kind,
            };
            council::add_meeting_link(&mut self.root, link, DEMO_TIME)?;
        }
        Ok(())
    }

    /// Give every document the local device's actor before anyone edits: two devices editing
    /// as the shared demo actor would produce clashing changes.
    pub fn hand_over(&mut self, actor: &ActorId) {
        self.root.set_actor(actor.clone());
        for m in &mut self.meetings {
            m.doc.set_actor(actor.clone());
        }
        for b in &mut self.boards {
            b.doc.set_actor(actor.clone());
        }
        for d in &mut self.plan_documents {
            d.doc.set_actor(actor.clone());
        }
    }
}

/// Build the demo council. Same result, byte for byte, on every device.
pub fn demo_council() -> DemoCouncil {
    let mut root = fresh_doc();
    let mut c = fyrbodal_council();
    let plan_documents = super::demo_plan::add_demo_plan(&mut c);
    // Constant data into an empty document cannot fail short of a bug, which the tests catch.
    council::create_council(&mut root, &c, DEMO_TIME).expect("demo council reconciles");
    let meetings = [meeting_2019_04_04(&c), meeting_2020_09_10()]
        .into_iter()
        .map(|(key, m)| {
            let mut doc = fresh_doc();
            meeting::create_meeting(&mut doc, &m, DEMO_TIME).expect("demo meeting reconciles");
            DemoMeeting { key, title: m.title, date: m.date, kind: m.kind, doc }
        })
        .collect();
    let boards = super::demo_boards::demo_boards();
    super::demo_boards::link_boards(&mut root, &boards).expect("demo board links reconcile");
    DemoCouncil { root, meetings, boards, plan_documents }
}

pub(super) fn fresh_doc() -> AutoCommit {
    AutoCommit::new().with_actor(ActorId::from(DEMO_ACTOR))
}

const MUNICIPALITIES: [(&str, u32); 14] = [
    ("Bengtsfors", 9750),
    ("Dals-Ed", 4813),
    ("Färgelanda", 6637),
    ("Lysekil", 14555),
    ("Mellerud", 9310),
    ("Munkedal", 10513),
    ("Orust", 15218),
    ("Sotenäs", 9061),
    ("Strömstad", 13218),
    ("Tanum", 12841),
    ("Trollhättan", 59058),
    ("Uddevalla", 56703),
    ("Vänersborg", 39591),
    ("Åmål", 12610),
];

const OTHER_ORGANISATIONS: [&str; 3] = ["Fyrbodals kommunalförbund", "Kommunakademin Väst", "VästKom"];

/// People of the staffing plan (bemanningsplan, seed 000) plus who else attended (seed 002).
const PEOPLE: [(&str, &str); 16] = [
    ("Henrik Röste", "Färgelanda"),
    ("Niklas Faritzon", "Strömstad"),
    ("Håkan Sundberg", "Munkedal"),
    ("Susanne Korduner", "Färgelanda"),
    ("Jan-Erik Samuelsson", "Åmål"),
    ("Lena Johansson", "Trollhättan"),
    ("Björn Lindeberg", "Dals-Ed"),
    ("Liselott Sörensen-Ringi", "Munkedal"),
    ("Andreas Knutsson", "Vänersborg"),
    ("Per Garenius", "Lysekil"),
    ("Jörgen Haglund", "Vänersborg"),
    ("Lena Aggestam", "Kommunakademin Väst"),
    ("Titti Andersson", "Fyrbodals kommunalförbund"),
    ("Anna Lärk Ståhlberg", "Fyrbodals kommunalförbund"),
    ("Sara Herrman", "Fyrbodals kommunalförbund"),
    ("Curt-Göran Crantz", "Fyrbodals kommunalförbund"),
];

pub(super) fn org_id(name: &str) -> OrganisationId {
    OrganisationId::derived(&format!("demo/organisation/{name}"))
}

pub(super) fn person_id(name: &str) -> PersonId {
    PersonId::derived(&format!("demo/person/{name}"))
}

/// A list of entries with ids derived from `scope` and their index.
fn entries(scope: &str, lines: &[&str]) -> Vec<Entry> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| Entry::new(EntryId::derived(&format!("demo/{scope}/{i}")), line))
        .collect()
}

fn role(
    title: &str,
    holders: &[&str],
    co_opted: bool,
    responsibilities: &[&str],
    powers: &[&str],
) -> Role {
    Role {
        id: RoleId::derived(&format!("demo/role/{title}")),
        title: title.to_string(),
        responsibilities: entries(&format!("role/{title}/ansvar"), responsibilities),
        powers: entries(&format!("role/{title}/befogenheter"), powers),
        holders: holders
            .iter()
            .map(|h| RoleHolder {
                id: EntryId::derived(&format!("demo/role/{title}/holder/{h}")),
                person: person_id(h),
                from: String::new(),
                to: String::new(),
            })
            .collect(),
        co_opted,
        seats: None,
        removed: false,
    }
}

fn fyrbodal_council() -> Council {
    let mut organisations: Vec<Organisation> = MUNICIPALITIES
        .iter()
        .map(|(name, population)| Organisation {
            id: org_id(name),
            name: name.to_string(),
            kind: OrganisationKind::Municipality,
            population: Some(*population),
            removed: false,
        })
        .collect();
    organisations.extend(OTHER_ORGANISATIONS.iter().map(|name| Organisation {
        id: org_id(name),
        name: name.to_string(),
        kind: OrganisationKind::Other,
        population: None,
        removed: false,
    }));
    let people = PEOPLE
        .iter()
        .map(|(name, org)| Person::new(person_id(name), *name, Some(org_id(org))))
        .collect();
    Council {
        name: "Fyrbodals e-råd".into(),
        organisation: "Fyrbodals kommunalförbund".into(),
        commissioner: "Kommundirektörsnätverket, Fyrbodals kommunalförbund".into(),
        recipient: "Välfärdsutveckling, område Digitalisering, Fyrbodals kommunalförbund".into(),
        funder: "VästKom".into(),
        period_start: "2019-03-01".into(),
        period_end: "2020-12-31".into(),
        mandate: mandate(),
        organisations,
        people,
        roles: roles(),
        meetings: Vec::new(),
        boards: Vec::new(),
        questions: questions(),
        rules: MeetingRules::default(),
        plan: Default::default(),
    }
}

/// The demo's fourteen member municipalities with their population, to import into a new
/// council in one step. Fresh ids: an imported organisation belongs to the new council, and
/// the demo's derived ids must stay the demo's.
pub fn demo_municipalities(mut fresh_id: impl FnMut() -> OrganisationId) -> Vec<Organisation> {
    MUNICIPALITIES
        .iter()
        .map(|(name, population)| Organisation {
            id: fresh_id(),
            name: name.to_string(),
            kind: OrganisationKind::Municipality,
            population: Some(*population),
            removed: false,
        })
        .collect()
}

/// Frågor som lyfts till e-rådet (seed 003); the seed gives no dates.
fn questions() -> Vec<Question> {
    [
        ("Bredbandssamordnaren", "Bredbandssamordnarens roll är ganska ensam och det är svårt att få gehör för att det är viktigt med bredbandsutbyggnaden och många av kommunerna är inte i mål med täckningen. Framöver är det svårare att få finansiering. Kan e-rådet hjälpa till på något sätt?"),
        ("", "Kommer det en ”Digitaliseringsdagen 2020”?"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (from, text))| Question {
        id: QuestionId::derived(&format!("demo/question/{i}")),
        text: Text::with_value(*text),
        from: from.to_string(),
        raised_on: String::new(),
        status: QuestionStatus::Waiting,
        taken_up_in: None,
        agenda_item: None,
    })
    .collect()
}

fn mandate() -> Mandate {
    Mandate {
        background: Text::with_value(
            "Offentlig verksamhet får från privatpersoner och företag allt högre krav på tillgänglighet och kvalitet, en kravbild i linje med samhällets digitalisering i övrigt. Digitalisering av offentlig verksamhet är en aktuell fråga att hantera för varje organisation såväl lokalt, regionalt, nationellt och internationellt. För ett effektivt genomförande av digitaliseringsarbetet utan onödigt dubbelarbete är samverkan av väsentlig betydelse. Förmågan att samarbeta med andra, dra nytta av varandras erfarenheter och samutnyttja resurser är vital för att driva arbetet effektivt.\n\n\
För att lyckas med de utmaningar som digitaliseringen för med sig behövs ett tydligt ledarskap som kan hjälpa kommunerna att navigera bland nationella och regionala initiativ inom digitalisering.\n\n\
Den 22 februari 2019 beslutade Kommundirektörsnätverket i Fyrbodal att etablera ett e-råd likt de e-råd som finns i Boråsregionen och Skaraborgs kommunalförbund.",
        ),
        purpose: Text::with_value(
            "E-rådet ska arbeta strategisk med digitaliseringsområdet för ett utökat samarbete mellan kommunerna i Fyrbodal och skapa möjligheter för att medlemskommunerna kan arbeta tvärsektoriellt med digitaliseringsfrågor. Med ett digitalt ledarskap som fokuserar på samverkan kan vi tillsammans åstadkomma en enklare vardag genom digitaliseringens möjligheter för invånarna i Fyrbodal.",
        ),
        goals: entries(
            "mandate/mal",
            &[
                "Upprätta ”Handlingsplan för digitalisering 2019–2020 i Fyrbodal”",
                "Etablera ”E-råd för Fyrbodal” som ett tryggt digitalt ledarskap för kommunerna i Fyrbodal",
            ],
        ),
        scope: Text::with_value(
            "E-rådet har inget mandat att påverka den enskilda kommunernas egen strategi för digitaliseringsarbetet utan verkar endast som ett rådgivande organ.",
        ),
        focus_areas: entries(
            "mandate/amnesomraden",
            &["Digital kompetens", "Digital trygghet", "Digital innovation", "Digitalt ledarskap", "Digital infrastruktur"],
        ),
        summary: Text::with_value(
            "E-rådets uppdrag är att samverka i ämnesområden ovan inom Fyrbodals kommunalförbund. E-rådet ska agera styrgrupp i de projekt som genereras från Fyrbodals kommunalförbunds handlingsplan för digitalisering.",
        ),
        rules_of_conduct: entries(
            "mandate/forhallningsregler",
            &[
                "Att det finns en tydlighet i vilken invånar- och verksamhetsnytta som förändringsarbetet skapar.",
                "Att det finns förutsättningar för ett gott samarbete mellan representanter i e-rådet.",
                "Att prioritera satsningar som bygger på samverkan, både delregionalt och regionalt.",
                "Att satsningarna ska fokusera på att skapa en bättre interoperabilitet (förmågan för människor och system att utbyta information utan hinder), främst nationellt men även regionalt och delregionalt.",
            ],
        ),
        follow_up: vec![
            FollowUpReport {
                id: EntryId::derived("demo/mandate/delrapport"),
                name: "Delrapport".into(),
                due: String::new(),
                contents: entries(
                    "mandate/delrapport",
                    &[
                        "Anskaffade erfarenheter",
                        "Avklarade och pågående leveranser",
                        "Händelser som påverkat handlingsplanen",
                        "Deltagarlistor nätverksträffar",
                    ],
                ),
            },
            FollowUpReport {
                id: EntryId::derived("demo/mandate/slutrapport"),
                name: "Slutrapport".into(),
                due: String::new(),
                contents: entries(
                    "mandate/slutrapport",
                    &[
                        "Utfall och måluppfyllelse av handlingsplanen: redovisning av måluppfyllnad, redovisning av nyttoeffekter, redovisning av återstående aktiviteter, rekommendationer för fortsatt digitalisering",
                        "Genomförande och händelser",
                        "Erfarenheter av arbetet med handlingsplanen från Fyrbodals e-råd, Nätverk för e-hälsa, Nätverk för e-samhälle, Processledare för e-hälsa och Processledare för e-samhälle",
                        "Förslag till förbättringar",
                        "Rekommendationer för fortsatt arbete med digitalisering i Fyrbodal",
                        "Deltagarlistor",
                    ],
                ),
            },
        ],
        version_history: [
            ("2019-01-23", "0.1", "Processledare", "Första utkast framtaget"),
            ("2019-02-14", "1.0", "Sara Herrman, Jeanette Lämmel, Håkan Sundberg", "Dokument granskat, ändrat och framtaget som beslutsunderlag för kommundirektörsnätverket"),
            ("2019-02-22", "1.0", "Kommundirektörsnätverket", "Kommundirektörsnätverket beslutade att anta uppdragshandlingen"),
            ("2019-04-08", "1.1", "Processledare", "Bemanningsplan uppdaterad med tillägg av ordförande och vice ordförande."),
        ]
        .iter()
        .enumerate()
        .map(|(i, (date, version, issued_by, reason))| MandateVersion {
            id: EntryId::derived(&format!("demo/mandate/version/{i}")),
            date: date.to_string(),
            version: version.to_string(),
            issued_by: issued_by.to_string(),
            reason: reason.to_string(),
        })
        .collect(),
    }
}

fn roles() -> Vec<Role> {
    vec![
        role("Uppdragsgivare", &[], false,
            &[
                "Bemanna följande roller i e-rådet: två representanter från kommundirektörsnätverket, två från socialchefsnätverket, två från utbildningschefsnätverket, två från samhällsbyggnadschefsnätverket och två från e-samhällsnätverket",
                "Stödja ordförande och processledare med kommunövergripande beslut",
            ],
            &[
                "Besluta om vilka representanter som ska bemanna rollerna i styrgruppen",
                "Tillgängliggöra representanter att medverka vid nätverkens möten",
                "Besluta och fastställa uppdragshandling för e-råd",
                "Besluta om handlingsplan för digitalisering i Fyrbodal",
            ]),
        role("Styrgrupp (e-råd)", &[], false,
            &[
                "Ansvar för att med utgångspunkt från handlingsplanens mål ge rekommendationer för inriktning i sakfrågor.",
                "Regelbundet ta emot rapportering och vara påläst",
                "Ansvarar för att i sina nätverk och verksamheter sprida information om det framskridande arbetet.",
                "Ansvarar över det övergripande arbetet som kan handla om att hantera uppkomna hinder som behöver lösas på vägen.",
                "Ska hålla sig väl uppdaterad och insatt i processens framskridande genom kontinuerlig dialog med processledaren.",
                "Att upprätta en handlingsplan för digitalisering i Fyrbodals kommunalförbund",
            ],
            &[
                "Besluta om vem som är ordförande och vice ordförande för styrgrupp",
                "Fastställa uppdragets handlingsplan",
                "Besluta om vilka uppdrag och projekt som ska initieras utifrån handlingsplanen",
            ]),
        role("Ordförande", &["Henrik Röste"], false,
            &[
                "Ansvar för att leda styrgruppens möten",
                "Att stödja processledaren",
                "Att ta vidare beslut utanför styrgruppens mandat till uppdragsgivare",
            ],
            &[
                "Utse och delegera delar av sina ansvarsuppgifter till övriga representanter i styrgruppen",
                "Lyfta ärenden för beslut till uppdragsgivare",
            ]),
        role("Vice ordförande", &["Niklas Faritzon"], false, &[], &[]),
        role("Kommundirektörsrepresentant", &["Håkan Sundberg", "Susanne Korduner"], false, &[], &[]),
        role("Socialchefsrepresentant", &["Jan-Erik Samuelsson", "Lena Johansson"], false, &[], &[]),
        role("Utbildningschefsrepresentant", &["Björn Lindeberg", "Liselott Sörensen-Ringi", "Niklas Faritzon"], false, &[], &[]),
        role("Samhällsbyggnadschefsrepresentant", &["Andreas Knutsson", "Per Garenius"], false, &[], &[]),
        role("Representant E-samhällsnätverk", &["Jörgen Haglund", "Henrik Röste"], false, &[], &[]),
        role("Verksamhetsledare Kommunakademin Väst", &["Lena Aggestam"], true, &[], &[]),
        role("Teamchef Välfärd", &["Titti Andersson"], true, &[], &[]),
        role("Teamchef Samhälle", &["Anna Lärk Ståhlberg"], true, &[], &[]),
        role("Processledare", &["Sara Herrman"], false,
            &[
                "Ansvarar för att kalla beredningen till möte utifrån fastställda mötesregler",
                "Ansvarar för att kalla styrgrupp till möte utifrån fastställda mötesregler",
                "Ansvarar för att sprida information om det framskridande arbetet med handlingsplanen till styrgrupp och uppdragsgivare",
                "Rapportera och eskalera behov av beslut till styrgrupp",
                "Att tillsammans med styrgrupp ta fram en handlingsplan",
                "Publicera offentliga handlingar på e-rådets offentliga sida på hemsidan",
                "Sammanställa mötesanteckningar för styrgruppsmöten utifrån sekreterarens utkast",
            ],
            &["Lyfta frågan om resursbehov till styrgrupp"]),
        role("Beredning", &["Henrik Röste", "Niklas Faritzon", "Sara Herrman"], false,
            &["Ansvarar för att förbereda material till kallelse för aktuella frågor"],
            &["Ta beslut i vilka frågor och ärenden som bör aktualiseras för rådet"]),
        role("Sekreterare", &[], false,
            &[
                "För anteckningar under möten för styrgrupp",
                "Sammanställa utkast för mötesprotokoll och distribuera till processledare",
            ],
            &[]),
    ]
}

/// One agenda row as in the seeds: number, type, description, responsible, length, notes.
type Row = (&'static str, ItemKind, &'static str, &'static str, Option<u32>, &'static str);

fn agenda(meeting_key: &str, rows: &[Row]) -> Vec<AgendaItem> {
    rows.iter()
        .zip(position::spread(rows.len()))
        .map(|(&(number, kind, description, responsible, duration, notes), position)| {
            let id = ItemId::derived(&format!("demo/meeting/{meeting_key}/item/{number}/{description}"));
            let fields = NewAgendaItem {
                number: number.to_string(),
                kind,
                description: description.to_string(),
                responsible: responsible.to_string(),
                // Start times follow from the lengths, so moving items keeps the timing right.
                start: None,
                duration_minutes: duration,
            };
            let mut item = AgendaItem::new(id, position, fields);
            // "Gruppen diskuterade följande" and its bullets are discussion points in the model.
            match notes.strip_prefix(DISCUSSED) {
                Some(bullets) => {
                    let points: Vec<&str> = bullets.lines().filter_map(|l| l.strip_prefix("- ")).collect();
                    item.discussion = points
                        .iter()
                        .zip(position::spread(points.len()))
                        .enumerate()
                        .map(|(i, (text, position))| DiscussionPoint {
                            id: EntryId::derived(&format!("demo/meeting/{meeting_key}/item/{number}/discussion/{i}")),
                            position,
                            text: Text::with_value(*text),
                            deleted: false,
                        })
                        .collect();
                }
                None => item.notes = Text::with_value(notes),
            }
            item
        })
        .collect()
}

/// How the minutes introduce discussion points (seed 002).
const DISCUSSED: &str = "Gruppen diskuterade följande\n";

/// Add decisions and action items to the item numbered `number`, with ids derived from it.
fn record(items: &mut [AgendaItem], meeting_key: &str, number: &str, decisions: &[&str], actions: &[(&str, &str)]) {
    let Some(item) = items.iter_mut().find(|i| i.number == number) else {
        return;
    };
    let scope = format!("demo/meeting/{meeting_key}/item/{number}");
    item.decisions = decisions
        .iter()
        .zip(position::spread(decisions.len()))
        .enumerate()
        .map(|(i, (text, position))| Decision {
            id: DecisionId::derived(&format!("{scope}/decision/{i}")),
            position,
            text: Text::with_value(*text),
            deleted: false,
        })
        .collect();
    item.action_items = actions
        .iter()
        .zip(position::spread(actions.len()))
        .enumerate()
        .map(|(i, ((what, who), position))| ActionItem {
            id: ActionItemId::derived(&format!("{scope}/action/{i}")),
            position,
            what: Text::with_value(*what),
            who: who.to_string(),
            person: None,
            due: None,
            status: ActionStatus::Open,
            deleted: false,
        })
        .collect();
}

fn attendance(meeting_key: &str, kind: &str, rows: &[(&str, &str, Option<&str>)], c: &Council) -> Vec<Attendance> {
    rows.iter()
        .map(|&(name, organisation, person)| Attendance {
            id: AttendanceId::derived(&format!("demo/meeting/{meeting_key}/{kind}/{name}")),
            name: name.to_string(),
            organisation: organisation.to_string(),
            person: person.map(person_id),
            organisation_id: c
                .organisations
                .iter()
                .find(|o| o.name == organisation)
                .map(|o| o.id),
        })
        .collect()
}

use ItemKind::{Discussion as D, Information as I, Work as A};

fn meeting_2019_04_04(c: &Council) -> (&'static str, Meeting) {
    const KEY: &str = "2019-04-04";
    // Names as the minutes write them; the third field links to the staffing plan's person.
    let attendees = [
        ("Andreas Knutsson", "Vänersborg", Some("Andreas Knutsson")),
        ("Henrik Röste", "Färgelanda", Some("Henrik Röste")),
        ("Håkan Sundberg", "Munkedal", Some("Håkan Sundberg")),
        ("Lena Aggestam", "Kommunakademin Väst", Some("Lena Aggestam")),
        ("Lena Johansson", "Trollhättan", Some("Lena Johansson")),
        ("Liselott Sörenssen-Ringi", "Munkedal", Some("Liselott Sörensen-Ringi")),
        ("Nicklas Faritzon", "Strömstad", Some("Niklas Faritzon")),
        ("Per Garenius", "Lysekil", Some("Per Garenius")),
        ("Susanne Korduner", "Färgelanda", Some("Susanne Korduner")),
        ("Titti Andersson", "Fyrbodals kommunalförbund", Some("Titti Andersson")),
        ("Anna Lärk Ståhlberg", "Fyrbodals kommunalförbund", Some("Anna Lärk Ståhlberg")),
        ("Curt-Göran Crantz", "Fyrbodals kommunalförbund", Some("Curt-Göran Crantz")),
    ];
    let absentees = [
        ("Björn Lindeberg", "Dals-Ed", Some("Björn Lindeberg")),
        ("Jan-Erik Samuelsson", "Åmål", Some("Jan-Erik Samuelsson")),
        ("Jörgen Haglund", "Vänersborg", Some("Jörgen Haglund")),
    ];
    let rows: [Row; 11] = [
        ("1", I, "Välkomna", "Sara Herrman", Some(5),
            "Sara hälsar välkomna till detta uppstartsmöte för E-råd Fyrbodalen och går igenom dagordningen för mötet."),
        ("2", D, "Presentation av oss", EVERYONE, Some(15), "Sedan presenterar vi oss."),
        ("3", I, "Paradigmskiftet", "Sara Herrman", Some(20),
            "Sara redogör för det paradigmskifte vi är mitt uppe i, vad digitalisering och digitisering egentligen är och hur vi kan förhålla oss till det."),
        ("4", I, "Digitaliseringsvision och den nationella digitaliseringsstrategin", "Sara Herrman", Some(20),
            "Sara visar filmen ”Historien om Tim” som är Oslo kommuns framtidsvision. Sveriges regering har sin digitaliseringsstrategi och framtidsvision vilket e-rådet bör ha god kännedom om. Där hittar vi fem målområden.\n\
- Digital kompetens – alla som ska använda tekniken, såväl personal som medborgare, måste ha kompetens att använda den för att inte hamna i ett digitalt utanförskap som kan bli ett socialt utanförskap. De behöver även kompetens i källkritiskt förhållningsätt som är viktigt för att kunna sortera bort t.ex. fake news och bluffmejl. Digital mognad behövs och personal behöver kompetensutvecklas kontinuerligt.\n\
- Digital trygghet – handlar mycket om informationssäkerhet. När vi digitaliserar ska vi göra det med förnuft. Vi behöver bli bättre på att arbeta med informationssäkerhet så att våra invånare kan försäkra sig om att deras data omhändertas på ett rättssäkert och ansvarsfullt sätt.\n\
- Digital innovation – en förutsättning för att få till de lösningar vi behöver. Krävs något annat än traditionell produktutveckling. Vi behöver förändra hela organisationer och verksamhetsprocesser för att tillgängliggöra innovation på ett helt annat plan än vad vi gör idag.\n\
- Digital infrastruktur – hård (teknik som transporterar data) och mjuk (kommunikation mellan människor och system). Interoperabilitet: förmåga hos system, organisationer eller verksamhetsprocesser att fungera tillsammans och kunna kommunicera med varandra genom att överenskomna regler följs. Finns olika lager av interoperabilitet: rättslig, organisatorisk, semantisk och teknisk, alla dessa måste på plats för att det ska fungera.\n\
- Digital ledning – handlar om att förstå strategin. För det kommer behövas att ledarskapet fattar en del svåra/tuffa beslut för att nå digitalisering.\n\
För att komma framåt krävs samverkan och idén om ett e-råd föddes!"),
        ("5a", I, "E-rådets uppdrag", "Sara Herrman", Some(10),
            "Sara går vidare genom att presentera den uppdragshandling som är framtagen. I den finns målet att upprätta handlingsplan för digitalisering i Fyrbodal 2019-2020. Vissa saker är på plats, men andra måste vi arbeta fram tillsammans, bland annat vår vision kring digitalisering i Fyrbodal."),
        ("5b", D, "Synpunkter angående uppdragshandlingen", EVERYONE, Some(10),
            "Gruppen diskuterade följande\n\
- Ta vara på och dra nytta av det som redan gjorts, t ex kring samverkan i Dalsland. Det gäller att vi är uthålliga. Handlingsplanen som ska tas fram är bara två år, vilket är kort.\n\
- Bra plan, behöver förankras på hemmaplan och diskuteras på ett djupare plan.\n\
- Koppling till nationellt och regional plan finns, behövs också en koppling till det lokala planet. Det kanske är svårare eftersom förutsättningarna ser så olika ut.\n\
- Bra att ta hjälp av Sara som gärna kommer ut i kommunerna och informerar.\n\
- Det krävs att någon tar på sig ledartröjan. Vi måste hjälpas åt!\n\
- Viktigt att inte e-rådet blir en ”prat-grupp” utan att det också kommer produkter ur arbetet.\n\
- Bra att inte börja för stort. Vi behöver hitta gemensamma utmaningar att börja med. När det blir verkstad i verksamheterna skapas en förståelse och viljan att fortsätta.\n\
- Det är sällan en funktion i kommunerna som håller ihop helheten. Kanske hitta utmaningarna för kommuninvånaren, ur dennas perspektiv.\n\
- Sträva efter en konkret handlingsplan.\n\
- Viktigt att prata behov och inte teknik. Vi ska arbeta strategiskt.\n\
- Innovationsupphandling kan vara ett bra sätt att hitta lösningar utifrån behov.\n\
- Vi behöver komma överens om vad vi menar med strategiskt arbete.\n\
- Hur ska vi få till samverkan på ett bra sätt?\n\
- Vad ska handlingsplanen omsluta?"),
        ("", ItemKind::Break(BreakKind::Fika), "FIKA", "", Some(20), ""),
        ("6a", I, "Handlingsplan för digitalisering i Fyrbodalen", "Sara Herrman", Some(15),
            "Sara berättar om uppdraget att ta fram en handlingsplan som kommer utifrån beslut av VästKoms styrelse. Det är viktigt att det finns en röd tråd från handlingsplanen till resultatet den ämnar generera och att det är hög transparens så att vi hela tiden delar med oss av vårt arbete. Hon ger en överblick av hur processen för att arbeta med handlingsplanen kan gå till."),
        ("6b", D, "Hur vill ni arbeta med handlingsplanen?", EVERYONE, Some(25),
            "Gruppen diskuterade följande\n\
- Vi behöver hitta en gemensam definition av begreppet digitalisering.\n\
- Digitalisering kan göra att kostnaderna ökar och finns en uppfattning om att det ska bli effektivare (kosta mindre). Finansiering av digitalisering är en utmaning (investerings- och driftsmedel). Kanske initialt en kostnad, men sen ska vi kunna räkna hem den för att kunna anställa dem vi behöver för att lösa välfärds pusslet.\n\
- Behöver vi jobba med nyttorealiseringsmodeller?\n\
- Digital kompetens – utbildningsförvaltningen (förskola och skola) har ett ansvar att utbilda barnen till kompetenta digitaliserade människor. Detta kräver medvetna beslut från den politiska nivån. Hur kan tjänstepersonsnivån beskriva detta på ett tydligt sätt?\n\
- Hur ändrar vi mindset? Vi behöver ta tillvara på de ungas tankar! Behöver vi kanske en referensgrupp med gymnasieelever?\n\
- Hur kan vi nå en högre beställarkompetens?\n\
- Att samverka ger oss större möjlighet att få det vi behöver av leverantörerna och inte behöva köpa lösningarna som de är.\n\
- Det är viktigt med omvärldsanalys och bevakning så att vi inte uppfinner hjul som redan finns.\n\
- Det är en enorm utmaning att man har olika system och det finns ingen snabb lösning på det. Då kan det bli svårt att nå praktiska resultat i form av gemensam upphandling t ex. Kanske är det att modellera fram mallar för digitaliseringsprocesser på olika områden, t ex modell för upphandling?"),
        // Items 7 and 8 record decisions (below), as the minutes do; no narrative notes.
        ("7", D, "Val av beredning (ordförande och vice ordförande)", "Sara Herrman", Some(20), ""),
        ("8", D, "Planering av kommande träffar", "Sara Herrman", Some(20), ""),
    ];
    let mut items = agenda(KEY, &rows);
    record(&mut items, KEY, "7",
        &["Gruppen beslutar att välja Henrik Röste till ordförande och Nicklas Faritzon till Vice ordförande."],
        &[]);
    record(&mut items, KEY, "8",
        &["Gruppen beslutar att beredningen (ordförande, vice ordförande och processledare) ska träffas för att diskutera ett upplägg för ett heldagsmöte och skicka ut en ”doodle” på förslag av tider i juni."],
        &[(
            "Träffas för att diskutera ett upplägg för ett heldagsmöte och skicka ut en ”doodle” på förslag av tider i juni.",
            "Beredningen (ordförande, vice ordförande och processledare)",
        )]);
    let meeting = Meeting {
        title: "E-råd Fyrbodal, uppstartsmöte".into(),
        kind: MeetingKind::EradsMote,
        date: KEY.into(),
        start: "13:00".into(),
        end: "16:00".into(),
        place: "Konferensrum Dalsland, Fyrbodals kommunalförbund".into(),
        video_link: None,
        status: MeetingStatus::Approved,
        attendees: attendance(KEY, "deltagare", &attendees, c),
        absentees: attendance(KEY, "forhindrade", &absentees, c),
        agenda: items,
        recorded_by: Some("Titti Andersson".into()),
        // Approved on paper (seed 002): the justerare is known, not the date or the version, so
        // no in-app approval is invented and the minutes are not locked.
        approved_by: Some("Sara Herrman".into()),
        justerare: vec!["Sara Herrman".into()],
        number: Some(1),
        ..Meeting::new("", MeetingKind::EradsMote, "", "", "")
    };
    (KEY, meeting)
}

fn meeting_2020_09_10() -> (&'static str, Meeting) {
    const KEY: &str = "2020-09-10";
    let rows: [Row; 6] = [
        ("1", I, "Välkommen och föregående protokoll\n- Digital förvaltning 2025\n- Beslutade ramar för e-samordnarens arbete", "Henrik", Some(10), ""),
        ("2", D, "Status för e-rådets arbete", "Sara", Some(20), ""),
        ("3", I, "Presentation av beslutsunderlaget för e-samordnarens roll efter årsskiftet", "Sara", Some(20), ""),
        ("4", I, "Introduktion till workshop", "Sara", Some(10), ""),
        ("5", A, "Workshop: Färdplan för e-rådet", "Sara", Some(120), ""),
        ("", ItemKind::Break(BreakKind::Avslut), "AVSLUT", "", None, ""),
    ];
    let meeting = Meeting {
        title: "Möte för e-råd".into(),
        kind: MeetingKind::EradsMote,
        date: KEY.into(),
        start: "13:00".into(),
        end: "16:00".into(),
        place: String::new(),
        video_link: None,
        status: MeetingStatus::NoticeSent,
        attendees: Vec::new(),
        absentees: Vec::new(),
        agenda: agenda(KEY, &rows),
        recorded_by: None,
        approved_by: None,
        ..Meeting::new("", MeetingKind::EradsMote, "", "", "")
    };
    (KEY, meeting)
}
