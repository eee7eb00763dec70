//! Export: the demo meeting's notice and minutes read like seed 002, and its calendar file is
//! valid iCalendar (CRLF, folded at 75 octets, escaped text, Stockholm local times).

use radslag::doc::demo::demo_council;
use radslag::doc::meeting::hydrate_meeting;
use radslag::model::export::{ics_uid, meeting_ics, minutes_markdown, notice_markdown};

fn first_meeting() -> radslag::model::Meeting {
    hydrate_meeting(&demo_council().meetings[0].doc).unwrap()
}

#[test]
fn the_notice_has_the_information_and_the_agenda_table_of_the_seed() {
    let md = notice_markdown(&first_meeting(), "E-råd Fyrbodal");
    for line in [
        "# Kallelse: E-råd Fyrbodal, uppstartsmöte",
        "## Information om möte",
        "| Datum | 2019-04-04 |",
        "| Tid | 13.00-16.00 |",
        "| Plats | Konferensrum Dalsland, Fyrbodals kommunalförbund |",
        "| Mötesnummer | 1 |",
        "## Dagordning",
        "Mötespunktens typ anges som [I] för informationspunkt, [D] för diskussionspunkt, [A] för arbetsmoment.",
        "| Punkt | Typ | Beskrivning | Ansvarig | Ca tid |",
        "| 1 | I | Välkomna | Sara Herrman | 13.00 |",
        "| 2 | D | Presentation av oss | Alla | 13.05 |",
        "| 5b | D | Synpunkter angående uppdragshandlingen | Alla | 14.10 |",
        "|  |  | FIKA |  | 14.20 |",
        "| 8 | D | Planering av kommande träffar | Sara Herrman | 15.40 |",
    ] {
        assert!(md.lines().any(|l| l == line), "missing {line:?} in\n{md}");
    }
    assert!(!md.contains("Deltagare"), "a notice has no attendance");
}

#[test]
fn the_minutes_follow_the_layout_of_seed_002() {
    let md = minutes_markdown(&first_meeting(), "E-råd Fyrbodal");
    let order = [
        "# Minnesanteckningar",
        "## Information om möte",
        "## Deltagare",
        "| Andreas Knutsson | Vänersborg |",
        "## Förhindrade",
        "| Björn Lindeberg | Dals-Ed |",
        "## Dagordning",
        "### 1) Välkomna",
        "### 5b) Synpunkter angående uppdragshandlingen",
        "Gruppen diskuterade följande",
        "- Sträva efter en konkret handlingsplan.",
        "### 7) Val av beredning (ordförande och vice ordförande)",
        "**Beslut**",
        "- Gruppen beslutar att välja Henrik Röste till ordförande och Nicklas Faritzon till Vice ordförande.",
        "### 8) Planering av kommande träffar",
        "**Åtgärder**",
        "**Antecknat av**  ",
        "Titti Andersson",
        "**Justerat av**  ",
        "Sara Herrman",
    ];
    let mut from = 0;
    let lines: Vec<&str> = md.lines().collect();
    for want in order {
        let at = lines[from..].iter().position(|l| *l == want).unwrap_or_else(|| panic!("{want:?} missing after line {from} in\n{md}"));
        from += at + 1;
    }
    assert!(md.contains("- Träffas för att diskutera ett upplägg för ett heldagsmöte"));
    assert!(!md.contains("### FIKA"), "breaks have no minutes section");
}

#[test]
fn the_calendar_file_is_valid_icalendar() {
    let mut m = first_meeting();
    m.video_link = Some("https://meet.example.org/e-rad?id=1;x=2".into());
    let ics = meeting_ics(&m, "automerge:demo1", "Fyrbodals e-råd", 1_554_076_800).unwrap();
    assert!(ics.ends_with("\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    for want in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "TZID:Europe/Stockholm",
        "BEGIN:VEVENT",
        "DTSTAMP:20190401T000000Z",
        "DTSTART;TZID=Europe/Stockholm:20190404T130000",
        "DTEND;TZID=Europe/Stockholm:20190404T160000",
        "SUMMARY:Fyrbodals e-råd: E-råd Fyrbodal\\, uppstartsmöte",
        "LOCATION:Konferensrum Dalsland\\, Fyrbodals kommunalförbund",
        "END:VEVENT",
        "END:VCALENDAR",
    ] {
        assert!(lines.contains(&want), "missing {want:?} in\n{unfolded}");
    }
    let uid = format!("UID:{}", ics_uid("automerge:demo1"));
    assert!(lines.contains(&uid.as_str()));
    assert_ne!(ics_uid("automerge:demo1"), ics_uid("automerge:demo2"));
    let description = lines.iter().find(|l| l.starts_with("DESCRIPTION:")).unwrap();
    assert!(description.contains("Videolänk: https://meet.example.org/e-rad?id=1\\;x=2\\n"), "{description}");
    assert!(description.contains("\\n13.00 1 [I] Välkomna (Sara Herrman)\\n"), "{description}");
    // Long Swedish text folds without splitting a character (the file is valid UTF-8 by type).
    assert!(ics.contains("\r\n "));
    // An unreadable date is an error that says what to fix.
    m.date = "4 april".into();
    let err = meeting_ics(&m, "x", "", 0).unwrap_err();
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
}
