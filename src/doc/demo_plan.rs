//! The demo council's action plan, hand-transcribed from the seeds: the five initiatives of
//! seed 003 (one document each), seed 004's communication plan (its own document), seed 003's
//! risk and budget and seed 001's project groups. Built deterministically like `demo`: ids
//! derived from names, document ids derived from fixed keys, the demo actor and time.
//!
//! Where a seed leaves something out (the map's highlighting of participating municipalities,
//! the risk's scores, dates of the status periods) the comment at that place says what was
//! chosen and why; nothing else is invented.

use automerge::AutoCommit;
use autosurgeon::Text;
use radslag_protocol::DocumentId;

use super::demo::{fresh_doc, org_id, person_id, DEMO_TIME};
use super::plan::{communication, initiative};
use crate::model::plan::line::{lines, Line};
use crate::model::plan::{
    ActionPlan, ActivityStatus, Audience, BenefitRange, BenefitUnit, BudgetLine, Channel, CommunicationActivity,
    CommunicationGoal, CommunicationPlan, Deliverable, DeliverableStatus, EconomicBenefit, EffectIndicator, Group,
    GroupKind, GroupMember, Initiative, InitiativeLink, Message, Phase, PlanReport, Priority, ReportKind, Risk,
    StatusReport, TargetGroup,
};
use crate::model::{
    position, ActivityId, ChannelId, Council, DeliverableId, DocUrl, EntryId, GroupId, InitiativeId, Person, RiskId,
    StatusReportId, TargetGroupId,
};

/// A demo plan document (an initiative or the communication plan), with the key its document
/// id is derived from (see [`plan_document_id`]).
pub struct DemoDocument {
    pub key: &'static str,
    pub doc: AutoCommit,
}

/// A demo plan document's id, derived from its key (e.g. "initiative/digitala-processer").
pub fn plan_document_id(key: &str) -> DocumentId {
    let ns = uuid::Uuid::from_bytes(*b"radslag:demo:pln");
    DocumentId::from_bytes(uuid::Uuid::new_v5(&ns, key.as_bytes()).into_bytes())
}

fn url(key: &str) -> DocUrl {
    DocUrl(plan_document_id(key).url())
}

const COMMUNICATION_KEY: &str = "communication-plan";

/// Add the action plan to the demo council `c` — the people of seed 001's project groups and
/// the plan part of the root (links, risk, budget, the slutrapport) — and build the plan's
/// documents, which the root links by their derived ids.
pub fn add_demo_plan(c: &mut Council) -> Vec<DemoDocument> {
    add_group_people(c);
    let initiatives = initiatives();
    let mut documents = Vec::new();
    let mut links = Vec::new();
    for (key, i) in initiatives {
        let mut doc = fresh_doc();
        // Constant data into an empty document cannot fail short of a bug, which the tests catch.
        initiative::create_initiative(&mut doc, &i, DEMO_TIME).expect("demo initiative reconciles");
        links.push(InitiativeLink::of(url(key), &i));
        documents.push(DemoDocument { key, doc });
    }
    let mut doc = fresh_doc();
    communication::create_communication_plan(&mut doc, &communication_plan(), DEMO_TIME).expect("demo communication plan reconciles");
    documents.push(DemoDocument { key: COMMUNICATION_KEY, doc });
    c.plan = ActionPlan {
        initiatives: links,
        communication_plan: Some(url(COMMUNICATION_KEY)),
        risks: vec![risk()],
        budget: budget(),
        reports: vec![PlanReport::new(
            EntryId::derived("demo/plan/report/slutrapport"),
            ReportKind::Final,
            &c.period_start,
            &c.period_end,
        )],
    };
    documents
}

/// Seed 001's styrgrupp and projektgrupp of Digitala processer: (name, municipality).
const STEERING: [(&str, &str); 11] = [
    ("Johan Lundh", "Färgelanda"),
    ("Eva Andersson", "Lysekil"),
    ("Frida Larsson", "Mellerud"),
    ("Catarina Dunghed", "Munkedal"),
    ("Lena Gardtman", "Orust"),
    ("Lisbeth Olsson", "Sotenäs"),
    ("Helena Lilliebjelke", "Strömstad"),
    ("Said Niklund", "Trollhättan"),
    ("Karin Hallberg", "Vänersborg"),
    ("Angelica Hafström", "Uddevalla"),
    ("Per Lundin", "Åmål"),
];

const PROJECT: [(&str, &str); 16] = [
    ("Henrik Röste", "Färgelanda"),
    ("Thom Fäldt", "Färgelanda"),
    ("Ingrid Arnholm", "Lysekil"),
    ("Anna Olofsson", "Mellerud"),
    ("Linda Nilsson", "Orust"),
    ("Maria Munkstedt", "Sotenäs"),
    ("Marcus Pettersson", "Strömstad"),
    ("Eva Adriansson", "Trollhättan"),
    ("Cecilia Wilson", "Trollhättan"),
    ("Emil Zingmark", "Uddevalla"),
    ("Malin Hixén", "Uddevalla"),
    ("Susanne Warnerlund", "Uddevalla"),
    ("Anne Elfving", "Vänersborg"),
    ("Gisela Hansson", "Vänersborg"),
    ("Jesper Christoffersson", "Åmål"),
    ("Paula Törnqvist", "Åmål"),
];

/// Group members are the council's people, so the groups' people join the council's list
/// (Henrik Röste is already in it).
fn add_group_people(c: &mut Council) {
    for (name, org) in STEERING.iter().chain(PROJECT.iter()) {
        if !c.people.iter().any(|p| p.name == *name) {
            c.people.push(Person::new(person_id(name), *name, Some(org_id(org))));
        }
    }
}

fn group(scope: &str, kind: GroupKind, members: &[(&str, &str)], p: String) -> Group {
    Group {
        id: GroupId::derived(&format!("demo/plan/{scope}/group/{}", kind.sv())),
        position: p,
        kind,
        name: kind.sv().to_string(),
        members: members
            .iter()
            .zip(position::spread(members.len()))
            .map(|((name, _), position)| GroupMember {
                person: person_id(name),
                position,
                // The seed lists her within parentheses.
                note: if *name == "Angelica Hafström" { "Inom parentes i deltagarlistan".into() } else { String::new() },
                removed: false,
            })
            .collect(),
        deleted: false,
    }
}

fn demo_lines(scope: &str, texts: &[&str]) -> Vec<Line> {
    lines(texts.iter().enumerate().map(|(i, t)| (EntryId::derived(&format!("demo/plan/{scope}/{i}")), t.to_string())))
}

/// A status report with its four lists: slutförda, pågående, problemställningar, kommande.
fn status(scope: &str, start: &str, end: &str, lists: [&[&str]; 4]) -> StatusReport {
    let s = format!("{scope}/status/{start}");
    StatusReport {
        id: StatusReportId::derived(&format!("demo/plan/{s}")),
        period_start: start.into(),
        period_end: end.into(),
        summary: Text::default(),
        completed: demo_lines(&format!("{s}/completed"), lists[0]),
        ongoing: demo_lines(&format!("{s}/ongoing"), lists[1]),
        problems: demo_lines(&format!("{s}/problems"), lists[2]),
        upcoming: demo_lines(&format!("{s}/upcoming"), lists[3]),
    }
}

/// Seed 003's meeting precedes 2020-09-10 (seed 001 reports its "Trailer för e-råd" done and
/// takes up its items in "föregående protokoll") but gives no date; its status period is taken
/// to start two months before, as the council meets about every two months.
const SEED_003_PERIOD: (&str, &str) = ("2020-07-01", "2020-09-09");

fn deliverables(scope: &str, rows: &[(&str, &str, &str)]) -> Vec<Deliverable> {
    rows.iter()
        .zip(position::spread(rows.len()))
        .map(|(&(code, name, description), position)| Deliverable {
            id: DeliverableId::derived(&format!("demo/plan/{scope}/deliverable/{name}")),
            position,
            code: code.into(),
            name: Text::with_value(name),
            description: Text::with_value(description),
            // The seeds give no status per deliverable.
            status: DeliverableStatus::NotStarted,
            due: String::new(),
            deleted: false,
        })
        .collect()
}

fn benefits(scope: &str, rows: &[(&str, u32, u32, BenefitUnit, &str)]) -> Vec<EconomicBenefit> {
    rows.iter()
        .zip(position::spread(rows.len()))
        .enumerate()
        .map(|(i, (&(description, low, high, unit, note), position))| EconomicBenefit {
            id: EntryId::derived(&format!("demo/plan/{scope}/benefit/{i}")),
            position,
            description: Text::with_value(description),
            range: BenefitRange { low, high },
            unit,
            note: note.into(),
            deleted: false,
        })
        .collect()
}

/// Effect goals (▪) each with their indicators (o), as the seed's slides list them.
fn indicators(scope: &str, goals: &[(&str, &[&str])]) -> Vec<EffectIndicator> {
    let rows: Vec<(&str, &str)> = goals.iter().flat_map(|(goal, inds)| inds.iter().map(move |i| (*goal, *i))).collect();
    rows.iter()
        .zip(position::spread(rows.len()))
        .enumerate()
        .map(|(i, (&(goal, text), position))| EffectIndicator {
            id: EntryId::derived(&format!("demo/plan/{scope}/indicator/{i}")),
            position,
            goal: Text::with_value(goal),
            text: Text::with_value(text),
            unit: "%".into(),
            target: None,
            measurements: Vec::new(),
            deleted: false,
        })
        .collect()
}

fn base(key: &str, name: &str, focus_area: &str, phase: Phase) -> Initiative {
    let mut i = Initiative::new(InitiativeId::derived(&format!("demo/plan/{key}")), name, focus_area);
    i.phase = phase;
    i
}

/// The five initiatives of seed 003. The seeds name no focus area per initiative; each has the
/// mandate's focus area its content is about.
fn initiatives() -> Vec<(&'static str, Initiative)> {
    vec![
        ("initiative/samordnad-upphandling", upphandling()),
        ("initiative/digitala-processer", processer()),
        ("initiative/handbok-for-digitalisering", handbok()),
        ("initiative/digitala-moten", moten()),
        ("initiative/digital-delaktighet", delaktighet()),
    ]
}

fn upphandling() -> Initiative {
    const S: &str = "upphandling";
    let mut i = base(S, "Koncept för samordnad upphandling av IT-lösningar", "Digital infrastruktur", Phase::PreStudy);
    i.scope = demo_lines(&format!("{S}/scope"), &[
        "Utvärdering av framgångsfaktorer och utmaningar i projektet ”TUV E-arkiv”",
        "Genomföra en förstudie för att identifiera förutsättningar och likartade koncept",
        "Framtagning av koncept för gemensam upphandlingsprocess",
    ]);
    i.overview = Text::with_value("Förstudien kommer att belysa möjligheter och utmaningar med gemensam upphandlingsprocess samt beskriva referenser från liknande initiativ. Förstudien kommer att föreslå ett koncept för gemensam upphandlingsprocess och en rekommendation för hur vi ska gå vidare.");
    i.short_term_benefits = demo_lines(&format!("{S}/short"), &[
        "Minskade kvalitetsbrister vid samordnad upphandling",
        "Ökad förståelse för vad som krävs för en lyckad samordnad upphandling",
    ]);
    i.long_term_benefits = demo_lines(&format!("{S}/long"), &[
        "Ökat antal samordnade upphandlingar",
        "Ökad teknisk interoperabilitet",
        "Ökad kostnadseffektivitet vid upphandling",
    ]);
    i.economic_benefits = benefits(S, &[
        ("Gemensam upphandlingsprocess", 20, 30, BenefitUnit::Hours, ""),
        ("Gemensamt införande", 25, 45, BenefitUnit::Kronor, ""),
        ("Gemensam avtalsförvaltning", 60, 90, BenefitUnit::Kronor, ""),
        ("Kostnadseffektivt införande av datadriven leverantörsuppföljning", 40, 60, BenefitUnit::Kronor, "(införandekostnad)"),
        ("Datadriven leverantörsuppföljning", 5, 15, BenefitUnit::ContractValue, ""),
        ("Ökad effektivitet i verksamhetssystem genom tydligare och starkare leverantörsuppföljning", 10, 20, BenefitUnit::Time, "för personal"),
    ]);
    // The seed's "Inga aktiviteter genomföra", "Inga pågående aktiviteter" and "?" say the lists
    // are empty; they are kept empty so a new period carries nothing that is not an activity.
    i.status_reports = vec![status(S, SEED_003_PERIOD.0, SEED_003_PERIOD.1, [&[], &[], &[], &["Ta fram projektdirektiv"]])];
    i
}

/// The municipalities of seed 001's groups for Digitala processer (the seed's maps lost their
/// highlighting in the text, so the other initiatives start with none marked).
const PROCESSER_MUNICIPALITIES: [&str; 11] =
    ["Färgelanda", "Lysekil", "Mellerud", "Munkedal", "Orust", "Sotenäs", "Strömstad", "Trollhättan", "Uddevalla", "Vänersborg", "Åmål"];

fn processer() -> Initiative {
    const S: &str = "processer";
    let mut i = base(S, "Digitala processer", "Digital innovation", Phase::Implementation);
    i.deliverables = deliverables(S, &[
        ("L1", "Metodhandbok för verksamhetsutveckling", "Metodhandboken ska innehålla stöd till kommunernas verksamhetsutvecklare för hur det bäst tillämpar modern teknik i deras verksamheter."),
        ("L2", "Rutinramverk", "Rutinramverk är ett bibliotek av rutiner och tillhörande instruktioner som används ihop med det processer som kartläggs."),
        ("L3", "Kartlagda verksamhetsprocesser", "Verksamhetsprocesser är de kartläggningar som görs under processtiden och som publiceras på plattformen och kopplas till rutinramverket. Processerna anger tydligt vilken form av teknik som kan stödja processen."),
        ("L4", "Plattform för processfabrik med metodhandbok och rutinramverk", "Plattformen är den publiceringsplats som används för att publicera de framtagna processerna och rutinramverket."),
        ("L5", "Systemförvaltningsplan plattform", "En systemförvaltningsplan som tydligt beskriver kostnader, avtal, utveckling och organisation för plattform för processfabrik."),
    ]);
    i.indicators = indicators(S, &[
        ("Det finns samverkande processer för digital service med utgångspunkt i invånarnas och medarbetarnas behov", &[
            "Socialförvaltningen i medverkande kommuner instämmer i hög grad eller helt med att de är mycket bra på att involvera användare i utvecklingen av nya digitala lösningar",
        ]),
        ("Kommunledningar i Fyrbodals kommuner har goda förutsättningar att kunna prioritera och genomföra digitaliseringsinsatser", &[
            "Socialförvaltningen i medverkande kommuner instämmer i hög grad eller helt med att de är mycket bra på att alltid tänka digitalt först när de verksamhetsutvecklar",
            "Socialförvaltningen i medverkande kommuner instämmer i hög grad eller helt med att de har väl fungerande metoder och modeller för att styra projekt och utvecklingsinsatser",
        ]),
    ]);
    let keys = position::spread(2);
    i.groups = vec![group(S, GroupKind::Steering, &STEERING, keys[0].clone()), group(S, GroupKind::Project, &PROJECT, keys[1].clone())];
    i.municipalities = PROCESSER_MUNICIPALITIES.iter().map(|m| org_id(m)).collect();
    i.status_reports = vec![status(S, SEED_003_PERIOD.0, SEED_003_PERIOD.1, [
        &["Utkast kommunikationsplan", "Inbjudan och mötesbokningar skickade till anmälda"],
        &[
            "Säkerställa deltagande",
            "Samverkan Miljöbron och e-tjänstplattform",
            "Effekthemtagningsplan",
            "Sammanhängande bild av projektprocess, kommunens digitaliseringsorganisation och kravhantering",
        ],
        &["Svalt intresse för att medverka som styrgrupp."],
        &["Förbereda utbildningar", "Förbereda möten"],
    ])];
    i
}

fn handbok() -> Initiative {
    const S: &str = "handbok";
    let mut i = base(S, "Handbok för digitalisering", "Digitalt ledarskap", Phase::Directive);
    i.indicators = indicators(S, &[
        ("Invånare och företag upplever att kommunens investeringar i digitala tjänster och produkter ger nytta", &[
            "Medverkande kommuner instämmer i hög grad eller helt med att de är mycket bra på att ta hem och realisera nyttan med deras digitala initiativ",
            "Medverkande kommuner instämmer i hög grad eller helt med att de har full kontroll över kostnader kopplade till det digitala",
        ]),
        ("Kommunledningar i Fyrbodals kommuner har goda förutsättningar att kunna prioritera och genomföra digitaliseringsinsatser", &[
            "Medverkande kommuner instämmer i hög grad eller helt med att de har en mycket väl fungerande process för att prioritera digitala investeringar",
            "Medverkande kommuner instämmer i hög grad eller helt med att de har god kontroll över kommunens projekt som skapar mycket goda förutsättningar för verksamhetens drift och utveckling i linje med de strategiska målen",
        ]),
    ]);
    // The seed numbers these deliverables with no L-codes, so none are given.
    i.deliverables = deliverables(S, &[
        ("", "Förstudierapport ”Digital mognad och strategisk styrning”", "Förstudierapporten kommer att innefatta en nulägesanalys för vilka styrningsmodeller som används av kommunerna idag och hur den digitala mognaden ser ut från ett strategiskt perspektiv och en behovsanalys för att förstå hur handboken bör utformas för att handboken blir på rätt nivå. Rapporten ska även innehålla en omvärldsanalys för att se vilka former av styrningsmodeller som gjorts i andra kommuner som vi kan dra nytta av i Fyrbodal."),
        ("", "Handbok för digital transformation", "Handboken byggs upp utifrån SKR:s strategi ”Utveckling i en digital tid”. Den innehåller flertalet delar som t.ex. portföljstyrning, mätning och uppföljning, nyttorealisering, behovsdriven utveckling och förändringsledning i en digital tid."),
        ("", "Mallar för portföljstyrning", "Mallarna är ett komplement till handboken som ger stöd för framtagande av nyttorealiseringsmodeller, program- och projekthantering."),
        ("", "Utbildningspaket ”Digital transformation”", "Utbildningspaketet innehåller målgruppsanpassade digitala och sals föreläsningar, webbaserade övningar och guider för att tillämpa handboken."),
    ]);
    i.status_reports = vec![status(S, SEED_003_PERIOD.0, SEED_003_PERIOD.1, [
        &["Utkast på projektdirektiv"],
        &["Räkna på projektbudget", "Bevaka utlysningar och medel"],
        &["Har kommunerna redan stenkoll på strategiska digitaliseringsfrågor?"],
        &["Hur resultatet från I Care 4 Fyrbodal kan tillvaratas i projektet"],
    ])];
    i
}

fn moten() -> Initiative {
    const S: &str = "moten";
    let mut i = base(S, "Digitala möten", "Digital infrastruktur", Phase::Directive);
    i.goals = demo_lines(&format!("{S}/goals"), &[
        "Projektet ska leverera ett sammanhållet paket av styrande dokument, utbildning och instruktioner för att på lång sikt bibehålla och utveckla möjligheterna med digitala möten innan projektets sluttid.",
        "Projektets deltagande kommuner har utifrån framtagen tjänsteskrivelse tagit beslut om en långsiktig plan för digitala möten",
    ]);
    i.deliverables = deliverables(S, &[
        ("", "Förstudierapport; Förutsättningar för digitala möten i kommunal sektor", "En förstudie innehållande juridiska förutsättningar, organisationens mognad och en rekommendation för säkerställande av teknisk infrastruktur för digitala möten i kommunen"),
        ("", "Effektberäkningsmodell ”Effekt av digitala möten”", "Nyttorealiserings businesscase för kommunen att beräkna ekonomisk och kvalitativ nytta."),
        ("", "Effektberäkning för exempelkommun inom Fyrbodal", "Nyttorealiserings businesscase för kommunen att beräkna ekonomisk och kvalitativ nytta i en exempel kommun."),
        ("", "Utkast tjänsteskrivelse; ”Digital möten”", "Utifrån tjänsteskrivelsen i snabbutredningen avseende politiska möten skapa ett utökat förslag på tjänsteskrivelse som går att använda i medlemskommunerna."),
        ("", "Strategi; ”Strategi för Kommunala möten på distans”", "Förslag på strategi för att förflytta den analoga och fysiska kommunen till en digital kommun på distans."),
        ("", "Handbok; Digitala möten i kommunal sektor 1.0", "En handbok innehållande flertalet instruktioner för hur man genomför moment i planering, genomförande och administrerande av digitala möten. Tidigare producerat material inkluderas i handboken för att skapa en helhet."),
        ("", "Utbildningspaket; ”Digitala möten i kommunal sektor”", "Ett utbildningspaket innehållandet flertalet utbildningsfilmer (webbinarie), övningstillfällen och workshops för att öka kunskapen och användandet av digitala möten."),
    ]);
    i.status_reports = vec![status(S, SEED_003_PERIOD.0, SEED_003_PERIOD.1, [
        &[
            "Snabbutredning Politiska sammanträden på distans",
            "Presentation av projektdirektiv för nätverket för e-samhälle",
            "Behovsinventering från intresserade kommuner",
        ],
        &["Dialog om finansiering med VGR"],
        &["Ska fler kommuner i Västra Götaland erbjudas att delta?"],
        &["Justering av direktiv utifrån finansiärens krav", "Utskick av direktiv till kommuner"],
    ])];
    i
}

fn delaktighet() -> Initiative {
    const S: &str = "delaktighet";
    let mut i = base(S, "Digital delaktighet", "Digital kompetens", Phase::PreStudy);
    i.overview = Text::with_value("Förstudien ska innefatta tre kundresor för att få en förståelse för vad målgruppernas behov är och hur vi möter deras förväntningar idag. En kundresa hjälper oss att säkerställa att vi utifrån invånarens krav när levererar den digitala service som vi syftar till att skapa. Resultatet kommer sedan ge oss underlag i vad det är vi bör prioritera för att våra kommuninvånare och företag ska känna att de är delaktiga i vårt digitala samhälle och en bättre insikt i vad vi kan göra tillsammans i Fyrbodal för att få en förbättrad sammanhållen digital service.");
    i.scope = demo_lines(&format!("{S}/scope"), &[
        "Genomföra en kundresa för en målgrupp som befinner sig eller riskerar att hamna i ett digitalt utanförskap",
        "Genomföra en kundresa för ett mindre företag i sin kontakt med kommunen",
        "Genomföra en kundresa för en förening i sin kontakt med kommunen",
    ]);
    i.short_term_benefits = demo_lines(&format!("{S}/short"), &[
        "Ökad användning av kommunernas digitala tjänster",
        "Ökad förståelse för vad digitalisering innebär och betydelsen av att ”hänga med”",
        "Ökad upplevelse av att det är tryggt att använda kommunens digitala tjänster och produkter",
    ]);
    i.long_term_benefits = demo_lines(&format!("{S}/long"), &[
        "Ökad effektivitet i hantering av ärenden i kommunens verksamheter",
        "Ökad digitaliseringstakt hos mindre företag etablerade i Fyrbodal",
        "Minskat digitalt utanförskap",
    ]);
    i.economic_benefits = benefits(S, &[
        ("Minskad handläggningstid vid digital inlämning av uppgifter", 15, 25, BenefitUnit::Time, "(minskad handläggningstid) i jämförelse med analog hantering"),
        ("Möjlighet till kortare svarstid och ökade öppettider i frågor/svar vid digital kommunikation", 15, 30, BenefitUnit::Time, "(tidsbesparing) för samtliga intressenter"),
        ("Digital delaktighet i ett ärende bör minska status frågor med hälften", 5, 5, BenefitUnit::Time, "av handläggarens tid"),
    ]);
    i.status_reports = vec![status(S, SEED_003_PERIOD.0, SEED_003_PERIOD.1, [
        &["Workshop Digital delaktighet för besökare"],
        &["Sammanställning av resultat från workshop"],
        &["Kan vi möta de olika förväntningarna?", "Resursen som skulle genomföra workshoparna finns inte kvar på förbundet"],
        &["Fortsatt dialog med Trollhättan om passande insats", "Budgetarbete kostnad för workshopar"],
    ])];
    i
}

/// Seed 003's risk analysis. The seed gives threat, vulnerability and consequences but no
/// scores; the demo scores it high (4 × 5) so the matrix shows where the council placed its
/// worry. The measures are seed 001's proposed actions to keep the sub-regional work.
fn risk() -> Risk {
    Risk {
        id: RiskId::derived("demo/plan/risk/processledare"),
        position: position::spread(1).remove(0),
        threat: Text::with_value("Villkor för finansiering av processledarens tjänst försämras"),
        vulnerability: Text::with_value("E-rådet är beroende av processledaren för att kunna bedriva sitt arbete."),
        consequence: Text::with_value("Arbetet med den delregionala handlingsplanen läggs ner och insatserna kommer att lyftas upp regionalt för att bedrivas av VästKom. E-rådets roll blir överflödig."),
        probability: 4,
        impact: 5,
        measures: demo_lines("risk/processledare/measures", &[
            "Ta fram förslag på samverkansavtal med finansiering till kommundirektörerna",
            "Ta fram informationsmaterial om status för arbetet och att resterande insatser startas upp efter årsskiftet",
            "Fortsätta driva projektet ”Digitala processer i Fyrbodal”",
        ]),
        owner: None,
        initiative: None,
        deleted: false,
    }
}

/// Seed 003's budget for the decided model (per year from 2021, after the turn of the year it
/// takes effect), and seed 001's 1 500 000 kr for keeping the sub-regional work, which the
/// municipalities share by population.
fn budget() -> Vec<BudgetLine> {
    let rows: [(&str, &str, u64); 5] = [
        ("VästKom", "VästKom Centralt", 1_000_000),
        ("VästKom", "GITS", 4_000_000),
        ("VästKom", "eSamordnare", 4_000_000),
        ("VästKom", "Regional FVM projektorganisation", 6_000_000),
        ("Fyrbodals kommuner, efter folkmängd", "Delregional samverkan: e-rådets uppdrag, processledare och handlingsplan", 1_500_000),
    ];
    rows.iter()
        .zip(position::spread(rows.len()))
        .map(|(&(funder, what, amount_kr), position)| BudgetLine {
            id: EntryId::derived(&format!("demo/plan/budget/{what}")),
            position,
            year: 2021,
            funder: funder.into(),
            what: Text::with_value(what),
            amount_kr,
            initiative: None,
            deleted: false,
        })
        .collect()
}

/// Seed 004's target groups: name, intern/extern, priority, description.
const TARGET_GROUPS: [(&str, Audience, Priority, &str); 21] = [
    ("Kommundirektörer Fyrbodals kommun", Audience::Internal, Priority::Core, "Nätverk för kommundirektörer i Fyrbodals kommun."),
    ("Socialchefer Fyrbodals kommun", Audience::Internal, Priority::Core, "Nätverk för socialchefer i Fyrbodals kommun."),
    ("Stadsbyggnadschefer Fyrbodals kommun", Audience::Internal, Priority::Core, "Nätverk för stadsbyggnadschefer i Fyrbodals kommun."),
    ("Utbildningschefer Fyrbodals kommun", Audience::Internal, Priority::Core, "Nätverk för utbildningschefer i Fyrbodals kommun."),
    ("Yrkesroller som arbetar med övergripande digitaliseringsfrågor", Audience::Internal, Priority::Core, "Yrkesroller som arbetar med IT- och digitaliseringsfrågor i kommunerna i Fyrbodals kommun."),
    ("Yrkesroller som arbetar med e-hälsofrågor i kommunerna", Audience::Internal, Priority::Primary, "Yrkesroller med fokus på frågor om e-hälsa."),
    ("Näringslivsutvecklare i Fyrbodals", Audience::Internal, Priority::Primary, "Näringslivsutvecklare i kommunerna i Fyrbodals och Position Väst"),
    ("Personalchefer i Fyrbodals", Audience::Internal, Priority::Primary, "Personalchefer som finns för varje kommun i Fyrbodals."),
    ("Samhällsutvecklingsteamet", Audience::Internal, Priority::Primary, "Nätverk för interna medarbetare på Fyrbodals kommunalförbund inom området för samhällsutveckling"),
    ("Välfärdsutvecklingsteamet", Audience::Internal, Priority::Primary, "Nätverk för interna medarbetare på Fyrbodals kommunalförbund inom området för välfärdsutveckling"),
    ("Kommunakademin Väst", Audience::Internal, Priority::Primary, "Samverkansorganisation för att bedriva gemensam kunskaps-, kompetens- och verksamhetsutveckling som bidrar till nytta för Fyrbodals kommuner och Högskolan Väst"),
    ("Projekt I Care 4 Fyrbodals", Audience::Internal, Priority::Primary, "Ett delregionalt projekt för att öka kompetensen inom innovation och skapa förutsättningar för att stärka en innovativ kultur."),
    ("Förbundsdirektionen Fyrbodals", Audience::Internal, Priority::Primary, "Förbundsdirektionen är det politiskt beslutade organet för Fyrbodals kommunalförbund."),
    ("Ledningsgrupper Fyrbodals kommuner", Audience::External, Priority::Primary, "Kommundirektörens ledningsgrupper som finns i varje kommun"),
    ("Kommunala verksamhetsutvecklare", Audience::External, Priority::Primary, "De verksamhetsutvecklare som finns för att stödja de olika verksamheterna i förändringsarbete."),
    ("E-samordnare", Audience::External, Priority::Primary, "Arbetsgruppen E-samordnare är de samordnare för digitaliseringsfrågor som finns på kommunalförbunden i Västra Götaland."),
    ("SSVIT", Audience::External, Priority::Primary, "SSVIT är den strategiska styrgruppen för digitaliseringsfrågor i VästKom."),
    ("VästKoms styrelse", Audience::External, Priority::Primary, "VästKoms styrelse är den politiskt styrande organet för kommunernas samverkansorganisation i Västra Götaland. De beslutar om inriktning och medel för digitaliseringssatsningar i kommunalförbunden."),
    ("Regionala digitaliseringsrådet", Audience::External, Priority::Secondary, "Nätverk med representanter som bedriver digitaliseringsfrågor i deras organisationer. Där kommunalförbunden, VästKom, VGR, Business Region Göteborg, Högskolan Skövde och Länsstyrelsen finns representerade."),
    ("Fyrbodals kommunanställda", Audience::External, Priority::Secondary, "De som arbetar inom kommunens verksamheter i Fyrbodals."),
    ("Allmänheten", Audience::External, Priority::Secondary, "Med allmänheten menar vi alla de som har ett intresse för digitaliseringsfrågor."),
];

/// Seed 004's channels: name, description, responsible role.
const CHANNELS: [(&str, &str, &str); 16] = [
    ("Fyrbodals.se", "Webbplats för Fyrbodals kommunalförbund", "Processledare"),
    ("Nätverksträffar för kommundirektörsnätverket Fyrbodals", "Nätverk för kommundirektörer i Fyrbodals", "Kommundirektörsrepresentanter i E-rådet"),
    ("Nätverksträffar för socialchefs-nätverket i Fyrbodals", "Nätverk för förvaltningschefer inom socialtjänst och vård och omsorg i Fyrbodals", "Socialchefsrepresentanter i E-rådet"),
    ("Nätverksträffar för infrastrukturnätverket i Fyrbodals", "Nätverk för infrastrukturrepresentanter i Fyrbodals", "Stadsbyggnadschefsrepresentanter i E-rådet"),
    ("Nätverksträffar för utbildningschefs-nätverket i Fyrbodals", "Nätverk för förvaltningschefer inom utbildningssektor i Fyrbodals", "Utbildningschefsrepresentanter i E-rådet"),
    ("Nätverksträffar för nätverket för e-samhälle i Fyrbodals", "Nätverk med yrkesroller som arbetar med IT- och digitaliseringsfrågor i Fyrbodals", "Processledare och representanter från e-samhälles nätverket"),
    ("Nätverksträffar för nätverket för e-hälsa i Fyrbodals", "Nätverk med yrkesroller som arbetar med e-hälsofrågor i Fyrbodals", "Processledare"),
    ("Nätverksträffar för näringslivsrepresentanter i Fyrbodals", "Nätverk för näringslivsrepresentanter i Fyrbodals", "Processledare"),
    ("Samverkansarenor för adjungerade primärintressenter", "Nätverk för samhällsutveckling, välfärdsutveckling, Kommunakademien Västs arbetsgrupp, I Care 4 Fyrbodals arbetsgrupp", "Adjungerade representanter för respektive nätverk."),
    ("Digital samverkansyta", "De team-tytor som finns för e-samhälles nätverket och e-hälsonätverket", "Processledare"),
    ("Konferenser", "De konferenser som processledare blir föredragande och deltar i.", "Processledare"),
    ("Nätverksträffar för e-samordnare", "Träffar för arbetsgruppen med e-samordnarna i kommunalförbunden", "Processledare"),
    ("Möten för SSVIT", "Möten med den strategiska samverkansgruppen för samordnad IT-utveckling i Västra Götaland", "Processledare, Håkan Sundberg"),
    ("Facebook för Fyrbodals kommunalförbund", "Kommunikationskanal för sociala medier", "Processledare"),
    ("Föreläsning", "De föreläsningar som processledaren genomför på beställning", "Processledare"),
    ("Ledningsgruppsmöten", "Möten för ledningsgrupper i kommunerna", "Processledare"),
];

/// Seed 004's activities (7.1): name, description, channel (by name) where the text names one.
const ACTIVITIES: [(&str, &str, Option<&str>); 8] = [
    ("Behovsanalys", "Behovsanalysen ska ligga till grund för handlingsplanen som ska upprättas. För att även få en förankring av e-rådets uppdrag och öka kompetensen om digitalisering ska det i samband med analysen även göras en kortare dragning av digitaliseringsstrategin och e-rådets syfte.", None),
    ("Digitaliseringskonferens", "En konferens om digitalisering riktad till offentlig verksamhet i Fyrbodals ska genomföras. Fokus ska vara på förändring, målstyrning och metoder så att det inte blir för övertagande teknikfokus.", None),
    ("Presentation av behovsbilden", "När analysrapporten är färdigställd ska ett material tas fram för att kunna presentera resultatet, medverkande och tillvägagångssättet. Resultatet fokuserar främst på kartläggningen av behoven med även exempel på insatser som har gjort för att tillgodose behoven i andra kommuner och hos andra aktörer.", None),
    ("Presentation av handlingsplanen", "När handlingsplanen är framtagen så ska en presentation tas fram som presenterar behovsanalysen, val av insatser och vilka behov som inte kommer tillgodoses i handlingsplanen och varför det valts bort. Här ska även processen finnas med för hur man kan medverka i insatserna i handlingsplanen.", None),
    ("Presentation av uppföljning", "När utvärderingen av uppdraget är genomfört och slutrapporten är klar ska en presentation tas fram som presenterar historiken för uppdraget, hur vi arbetat för att uppnå målen, resultatet av utvärderingen och rekommendationen för fortsatt arbete.", None),
    ("Statusuppdateringar", "För att berätta om e-rådets framskridande arbete och förankra det hos kärnintressenterna är det viktigt att återge att det händer något.", None),
    ("Föreläsningar", "Processledaren kommer att göra sig tillgänglig för föreläsningar om digitalisering i kommunerna. Kommunerna kan sedan boka föreläsning efter tillgång och efterfrågan. Ett material ska tas fram som kan anpassas utifrån kommunernas behov.", Some("Föreläsning")),
    ("Omvärldsbevakning", "För att kunna hantera den snabba förändringen som sker i omvärlden behövs en kontinuerlig omvärldsbevakning. Det handlar om att ha vetskap om vilka förväntade, pågående och slutförda förändringsprojekt inom digitalisering som kan vara till nytta för Fyrbodals kommuner. För att få hjälp med uppgiften kommer uppdragen för e-samhälles nätverket och e-hälsonätverket att förändras till att innefatta även strukturerad omvärldsbevakning utifrån metoden för ”Våganalys”.", None),
];

fn target_group_id(name: &str) -> TargetGroupId {
    TargetGroupId::derived(&format!("demo/plan/communication/target-group/{name}"))
}

fn channel_id(name: &str) -> ChannelId {
    ChannelId::derived(&format!("demo/plan/communication/channel/{name}"))
}

/// Seed 004's communication plan, with the "Kommunikation" status of seeds 003 and 001.
fn communication_plan() -> CommunicationPlan {
    let mut p = CommunicationPlan::new("Kommunikationsplan");
    p.version = "1.0".into();
    p.purpose = Text::with_value("Att accelerera resan mot digital transformation för kommunerna genom att fungera som en stödjande funktion i det digitala ledarskapet och därmed upplevas som ett tryggt digitalt ledarskap.");
    p.target_groups = TARGET_GROUPS
        .iter()
        .zip(position::spread(TARGET_GROUPS.len()))
        .map(|(&(name, audience, priority, description), position)| TargetGroup {
            id: target_group_id(name),
            position,
            name: name.into(),
            audience,
            priority,
            description: Text::with_value(description),
            deleted: false,
        })
        .collect();
    // The seed says what to reach, not how it is measured; "measured by" is left for the council.
    let goals = [("80% av kärnintressenterna ska uppleva att de har nytta av e-rådet", Some(80)), ("Genomförande digitaliseringskonferens för att öka kännedomen om e-rådet", None)];
    p.goals = goals
        .iter()
        .zip(position::spread(goals.len()))
        .enumerate()
        .map(|(i, (&(text, target_percent), position))| CommunicationGoal {
            id: EntryId::derived(&format!("demo/plan/communication/goal/{i}")),
            position,
            text: Text::with_value(text),
            measured_by: Text::default(),
            target_percent,
            measured_percent: None,
            deleted: false,
        })
        .collect();
    let messages = [
        (Priority::Core, "Målgrupperna ska känna att e-rådet är ett pålitligt, kompetent och nyttigt för deras arbete med digitaliseringsfrågor."),
        (Priority::Core, "Målgrupperna ska ha förståelse för vad som krävs av ett digitalt ledarskap."),
        (Priority::Core, "Målgrupperna ska känna att deras behov blir tillgodosett i vilka gemensamma insatser som prioriteras i handlingsplanen."),
        (Priority::Primary, "Målgrupperna ska känna till e-rådets uppdrag och handlingsplan. De ska ha förståelse hur de kan samverka i digitaliseringsfrågor."),
        (Priority::Secondary, "Målgrupperna ska ha kännedom om att e-rådet finns och vad deras ämnesområden är"),
    ];
    p.messages = messages
        .iter()
        .zip(position::spread(messages.len()))
        .enumerate()
        .map(|(i, (&(priority, text), position))| Message {
            id: EntryId::derived(&format!("demo/plan/communication/message/{i}")),
            position,
            priority,
            text: Text::with_value(text),
            deleted: false,
        })
        .collect();
    p.channels = CHANNELS
        .iter()
        .zip(position::spread(CHANNELS.len()))
        .map(|(&(name, description, responsible), position)| Channel {
            id: channel_id(name),
            position,
            name: name.into(),
            description: Text::with_value(description),
            responsible: responsible.into(),
            deleted: false,
        })
        .collect();
    let core: Vec<TargetGroupId> = TARGET_GROUPS.iter().filter(|g| g.2 == Priority::Core).map(|g| target_group_id(g.0)).collect();
    p.activities = ACTIVITIES
        .iter()
        .zip(position::spread(ACTIVITIES.len()))
        .map(|(&(name, description, channel), position)| CommunicationActivity {
            id: ActivityId::derived(&format!("demo/plan/communication/activity/{name}")),
            position,
            name: Text::with_value(name),
            description: Text::with_value(description),
            // The activity plan's dates are in an attachment the seed does not include.
            date: String::new(),
            channel: channel.map(channel_id),
            // Statusuppdateringar are for the core stakeholders, as 7.1.6 says.
            target_groups: if name == "Statusuppdateringar" { core.clone() } else { Vec::new() },
            status: ActivityStatus::Planned,
            deleted: false,
        })
        .collect();
    p.status_reports = vec![
        status("communication", SEED_003_PERIOD.0, SEED_003_PERIOD.1, [
            &["Webinarie angående bredbandsutveckling på lands- och glesbygder i Fyrbodal"],
            &["Trailer för e-råd"],
            &["Hur kommunicerar ni e-rådets arbete i era nätverk och kanaler?"],
            &["Mer förankringsarbete?"],
        ]),
        // Seed 001 (2020-09-10); its "?" under kommande says the list is empty.
        status("communication", "2020-09-10", "", [
            &["Trailer för e-råd", "Medverkan Kommundirektörsnätverket ”Digitalt smart Fyrbodal 2025”"],
            &["Planering av utvärdering?"],
            &["Hur kommunicerar vi ett tryggt digitalt ledarskap i en osäker tid?"],
            &[],
        ]),
    ];
    p
}
