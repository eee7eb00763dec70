//! A council of its own: created empty with a fresh id, set up with organisations, people and
//! roles, its own meeting rules, and every bad input refused with nothing written.

use automerge::{ActorId, AutoCommit};
use radslag::doc::council::hydrate_council;
use radslag::doc::council_setup::*;
use radslag::doc::demo::{self, demo_council};
use radslag::doc::DocError;
use radslag::i18n::{Bilingual, Lang};
use radslag::model::meeting_rules::{check_meeting, MeetingRules, RuleWarning};
use radslag::model::{EntryId, Meeting, MeetingKind, MeetingLink, OrganisationId, OrganisationKind, PersonId, RoleId};
use radslag_protocol::DocumentId;

const NOW: i64 = 1_700_000_000;

fn device(name: &str) -> AutoCommit {
    let mut doc = AutoCommit::new();
    doc.set_actor(ActorId::from(name.as_bytes()));
    doc
}

/// How the app makes a new document's id: 16 random bytes (uuid v4).
fn fresh_id() -> DocumentId {
    DocumentId::from_bytes(*uuid::Uuid::new_v4().as_bytes())
}

fn new_council(name: &str) -> AutoCommit {
    let mut doc = device(name);
    create_new_council(&mut doc, "Dalslands e-råd", "Dalslands kommunalförbund", NOW).unwrap();
    doc
}

#[test]
fn a_new_council_is_empty_valid_and_has_a_fresh_id() {
    let doc = new_council("anna");
    let c = hydrate_council(&doc).unwrap();
    assert_eq!((c.name.as_str(), c.organisation.as_str()), ("Dalslands e-råd", "Dalslands kommunalförbund"));
    assert!(c.organisations.is_empty() && c.people.is_empty() && c.roles.is_empty() && c.meetings.is_empty());
    assert_eq!(c.rules, MeetingRules::default(), "a new council starts with the standard rules");

    // Two devices creating councils offline (even with the same name) get different ids, and
    // neither can be the demo's: its id is fixed text, never a random (version 4) uuid.
    let (a, b) = (fresh_id(), fresh_id());
    assert_ne!(a, b);
    for id in [a, b] {
        assert_ne!(id, demo::ROOT);
        assert_eq!(uuid::Uuid::from_bytes(*id.as_bytes()).get_version_num(), 4);
    }
    assert_ne!(uuid::Uuid::from_bytes(*demo::ROOT.as_bytes()).get_version_num(), 4);
}

#[test]
fn an_empty_name_is_refused_and_nothing_is_written() {
    let mut doc = device("anna");
    let err = create_new_council(&mut doc, "   ", "", NOW).unwrap_err();
    assert_eq!(err.say(Lang::Sv), "Rådet behöver ett namn. Skriv ett innan du sparar.");
    assert!(doc.get_heads().is_empty(), "nothing written for a refused council");

    let mut doc = new_council("anna");
    let heads = doc.get_heads();
    let bad = [
        add_person(&mut doc, PersonId::random(), PersonForm { name: " ".into(), ..PersonForm::default() }, NOW).unwrap_err(),
        add_organisation(&mut doc, OrganisationId::random(), OrganisationForm { name: "Mellerud".into(), kind: OrganisationKind::Municipality, population: "tiotusen".into() }, NOW).unwrap_err(),
        set_council_details(&mut doc, CouncilDetails { name: "Rådet".into(), period_start: "2021-01-01".into(), period_end: "2020-12-31".into(), ..CouncilDetails::default() }, NOW).unwrap_err(),
    ];
    assert!(bad[0].say(Lang::Sv).starts_with("Personen behöver ett namn"));
    assert!(bad[1].say(Lang::Sv).contains("”tiotusen” är inte ett heltal"));
    assert!(bad[2].to_string().contains("ends (2020-12-31) before it starts (2021-01-01)"), "{}", bad[2]);
    assert_eq!(doc.get_heads(), heads, "refused changes write nothing");
}

#[test]
fn organisations_people_and_a_chair() {
    let mut doc = new_council("anna");
    let (mellerud, bengtsfors) = (OrganisationId::random(), OrganisationId::random());
    add_organisation(&mut doc, mellerud, OrganisationForm { name: "Mellerud".into(), kind: OrganisationKind::Municipality, population: "9 300".into() }, NOW).unwrap();
    add_organisation(&mut doc, bengtsfors, OrganisationForm { name: "Bengtsfors".into(), kind: OrganisationKind::Municipality, population: "9 600".into() }, NOW).unwrap();
    let people: Vec<PersonId> = ["Anna Berg", "Per Ek", "Lisa Ås"]
        .iter()
        .map(|name| {
            let id = PersonId::random();
            let form = PersonForm { name: name.to_string(), organisation: Some(mellerud), email: "a@mellerud.se".into(), phone: "0530-180 00".into() };
            add_person(&mut doc, id, form, NOW).unwrap();
            id
        })
        .collect();
    let chair = RoleId::random();
    add_role(&mut doc, chair, "Ordförande", "1", NOW).unwrap();
    add_role_holder(&mut doc, chair, EntryId::random(), people[0], "2021-01-01", "2022-12-31", NOW).unwrap();

    // One seat: a second chair for an overlapping period is refused; after the first ends, fine.
    let err = add_role_holder(&mut doc, chair, EntryId::random(), people[1], "2022-06-01", "", NOW).unwrap_err();
    assert!(err.say(Lang::Sv).starts_with("Rollen har 1 plats och alla är tillsatta"), "{}", err.say(Lang::Sv));
    add_role_holder(&mut doc, chair, EntryId::random(), people[1], "2023-01-01", "", NOW).unwrap();
    // Someone not in the council cannot hold it.
    let err = add_role_holder(&mut doc, chair, EntryId::random(), PersonId::random(), "", "", NOW).unwrap_err();
    assert!(matches!(err, DocError::Refused(_)), "{err}");

    let c = hydrate_council(&doc).unwrap();
    assert_eq!(c.municipal_population(), 18_900);
    assert_eq!(c.current_people().count(), 3);
    assert_eq!(c.people[0].email, "a@mellerud.se");
    let role = &c.roles[0];
    assert_eq!(role.holders_on("2021-06-01").collect::<Vec<_>>(), [people[0]]);
    assert_eq!(role.holders_on("2023-06-01").collect::<Vec<_>>(), [people[1]]);

    // A person removed from the council stays named (in old minutes), and can be put back.
    set_person_removed(&mut doc, people[2], true, NOW).unwrap();
    let c = hydrate_council(&doc).unwrap();
    assert_eq!(c.current_people().count(), 2);
    assert_eq!(c.person(people[2]).map(|p| p.name.as_str()), Some("Lisa Ås"));
    let err = add_role_holder(&mut doc, chair, EntryId::random(), people[2], "2030-01-01", "", NOW).unwrap_err();
    assert!(matches!(err, DocError::Refused(_)), "a removed person holds no new role");
    set_person_removed(&mut doc, people[2], false, NOW).unwrap();
    assert_eq!(hydrate_council(&doc).unwrap().current_people().count(), 3);

    // An organisation removed leaves the population total and comes back when restored.
    set_organisation_removed(&mut doc, bengtsfors, true, NOW).unwrap();
    assert_eq!(hydrate_council(&doc).unwrap().municipal_population(), 9_300);
    set_organisation_removed(&mut doc, bengtsfors, false, NOW).unwrap();
    assert_eq!(hydrate_council(&doc).unwrap().municipal_population(), 18_900);
}

#[test]
fn the_demos_municipalities_import_in_one_step() {
    let mut doc = new_council("anna");
    add_organisation(&mut doc, OrganisationId::random(), OrganisationForm { name: "Uddevalla".into(), kind: OrganisationKind::Municipality, population: "56 000".into() }, NOW).unwrap();
    let added = import_demo_municipalities(&mut doc, OrganisationId::random, NOW).unwrap();
    assert_eq!(added, 13, "Uddevalla is already there");
    let c = hydrate_council(&doc).unwrap();
    assert_eq!(c.organisations.iter().filter(|o| o.kind == OrganisationKind::Municipality).count(), 14);
    let demo = hydrate_council(&demo_council().root).unwrap();
    for o in &c.organisations {
        assert!(demo.organisations.iter().all(|d| d.id != o.id), "imported organisations get ids of their own");
    }
    assert_eq!(import_demo_municipalities(&mut doc, OrganisationId::random, NOW).unwrap(), 0, "a second import adds nothing");
}

#[test]
fn the_councils_own_notice_period_changes_the_warnings() {
    let mut doc = new_council("anna");
    let warnings = |doc: &AutoCommit| {
        let c = hydrate_council(doc).unwrap();
        let m = Meeting::new("Rådsmöte", MeetingKind::Workshop, "2024-04-04", "13:00", "16:00");
        let others: Vec<MeetingLink> = Vec::new();
        let today = chrono::NaiveDate::from_ymd_opt(2024, 3, 18).unwrap();
        check_meeting(&m, &others, today, &c.rules)
    };
    // Standard two weeks: the notice is due 2024-03-21, in three days.
    assert!(matches!(warnings(&doc)[..], [RuleWarning::NoticeDueSoon { days_left: 3, .. }]), "{:?}", warnings(&doc));
    set_meeting_rules(&mut doc, MeetingRules { notice_days: 21, ..MeetingRules::default() }, NOW).unwrap();
    let w = warnings(&doc);
    assert!(matches!(w[..], [RuleWarning::NoticeOverdue { days_before: 21, .. }]), "{w:?}");
    assert!(w[0].sv().contains("senast 2024-03-14 (tre veckor före mötet)"), "{}", w[0].sv());
}

#[test]
fn two_members_write_the_mandate_at_once() {
    let mut anna = new_council("anna");
    let mut per = anna.fork();
    per.set_actor(ActorId::from(b"per".as_slice()));
    splice_mandate(&mut anna, MandateText::Purpose, 0, 0, "Samverka kring digitalisering.").unwrap();
    radslag::doc::commit_typing(&mut anna, NOW);
    let mut per_copy = per.fork();
    per_copy.merge(&mut anna).unwrap();
    per = per_copy;
    // Anna types at the end while Per adds a goal and a person.
    splice_mandate(&mut anna, MandateText::Purpose, 30, 0, " För invånarna.").unwrap();
    radslag::doc::commit_typing(&mut anna, NOW);
    splice_mandate(&mut per, MandateText::Purpose, 0, 0, "Rådet ska ").unwrap();
    radslag::doc::commit_typing(&mut per, NOW);
    add_entry(&mut per, EntryList::Goals, EntryId::random(), "En handlingsplan", NOW).unwrap();
    add_entry(&mut anna, EntryList::Goals, EntryId::random(), "Ett tryggt ledarskap", NOW).unwrap();
    add_person(&mut per, PersonId::random(), PersonForm { name: "Per Ek".into(), ..PersonForm::default() }, NOW).unwrap();
    anna.merge(&mut per).unwrap();
    let c = hydrate_council(&anna).unwrap();
    assert_eq!(c.mandate.purpose.as_str(), "Rådet ska Samverka kring digitalisering. För invånarna.");
    assert_eq!(c.mandate.goals.len(), 2, "both goals kept");
    assert_eq!(c.people.len(), 1);
    // A new version is a row in the history; an unreadable date is refused.
    let row = radslag::model::MandateVersion { id: EntryId::random(), date: "2024-05-02".into(), version: "1.1".into(), issued_by: "Processledare".into(), reason: "Nya mål".into() };
    add_mandate_version(&mut anna, row.clone(), NOW).unwrap();
    assert!(add_mandate_version(&mut anna, radslag::model::MandateVersion { date: "2 maj".into(), ..row }, NOW).is_err());
    assert_eq!(hydrate_council(&anna).unwrap().mandate.version_history.len(), 1);
}
