//! Agenda paste import (klistra in dagordning): a table copied from Word, Excel or the council's
//! own documents becomes agenda items, and every row that cannot be read comes back with a reason.
//!
//! Columns are `Punkt<TAB>Typ<TAB>Beskrivning<TAB>Ansvarig<TAB>Ca tid`. Text converted from PDF
//! (seed 003) has spaces instead of tabs; then the responsible person is recognised from the
//! council's names and reported as a guess to check. Lengths come from consecutive start times,
//! so the pasted agenda keeps its timing when items later move.

use super::meeting::{BreakKind, ItemKind, NewAgendaItem, EVERYONE};
use super::time::ClockTime;

/// The outcome of reading a pasted agenda.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AgendaImport {
    /// The rows read, in order, ready for `doc::meeting::add_agenda_item`.
    pub items: Vec<NewAgendaItem>,
    /// Rows that could not be read and were not imported; show each with its reason.
    pub problems: Vec<RowProblem>,
    /// Rows imported with a guess the user should check.
    pub notices: Vec<RowProblem>,
    /// The first row's time: what the meeting's start should be for the times to hold.
    pub starts_at: Option<ClockTime>,
}

/// One row of the pasted text and what is wrong with it (or what was guessed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// Line in the pasted text, 1 = the first.
    pub line: usize,
    /// The row as pasted.
    pub text: String,
    pub reason: RowIssue,
}

impl RowProblem {
    /// "Rad 4: …" in Swedish.
    pub fn sv(&self) -> String {
        format!("Rad {}: {}", self.line, self.reason.sv())
    }

    /// "Line 4: …" in English.
    pub fn en(&self) -> String {
        format!("Line {}: {}", self.line, self.reason.en())
    }
}

/// Why a row could not be read, or what was guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowIssue {
    /// The type is not I, D or A.
    UnknownType { typ: String },
    /// A numbered row without type that is not a break either.
    MissingType,
    /// No number, no type and not a break word.
    NotAnItem,
    /// Number and type but no description.
    MissingDescription,
    /// The number is not like 1, 5a, 12.
    BadNumber { number: String },
    /// The time is not like 13.00 or 13:00.
    BadTime { time: String },
    /// More columns than the five of an agenda.
    TooManyColumns { count: usize },
    /// Without tabs, the columns could not be told apart.
    NoColumns,
    /// Notice: without tabs, this was read as the responsible person.
    GuessedResponsible { responsible: String },
    /// Notice: the time is earlier than the row before, so the row keeps it as a fixed start.
    TimeGoesBack { time: ClockTime, previous: ClockTime },
}

impl RowIssue {
    pub fn sv(&self) -> String {
        match self {
            RowIssue::UnknownType { typ } => {
                format!("typen ”{typ}” finns inte. Skriv I (information), D (diskussion) eller A (arbetsmoment).")
            }
            RowIssue::MissingType => "typ saknas. Skriv I, D eller A, eller FIKA, PAUS eller AVSLUT för en paus.".into(),
            RowIssue::NotAnItem => "varken punkt, typ eller paus. Lägg till nummer och typ, eller skriv FIKA, PAUS eller AVSLUT.".into(),
            RowIssue::MissingDescription => "beskrivning saknas.".into(),
            RowIssue::BadNumber { number } => {
                format!("punktnumret ”{number}” går inte att läsa. Skriv t.ex. 5 eller 5a.")
            }
            RowIssue::BadTime { time } => {
                format!("tiden ”{time}” går inte att läsa. Skriv t.ex. 13.00 eller 13:00.")
            }
            RowIssue::TooManyColumns { count } => format!(
                "{count} kolumner; en dagordning har fem (Punkt, Typ, Beskrivning, Ansvarig, Ca tid)."
            ),
            RowIssue::NoColumns => "kolumnerna går inte att skilja åt. Klistra in tabellen med tabbar mellan kolumnerna.".into(),
            RowIssue::GuessedResponsible { responsible } => {
                format!("”{responsible}” lästes som ansvarig. Kontrollera punkten.")
            }
            RowIssue::TimeGoesBack { time, previous } => format!(
                "tiden {time} är före raden innan ({previous}); punkten får {time} som fast starttid."
            ),
        }
    }

    pub fn en(&self) -> String {
        match self {
            RowIssue::UnknownType { typ } => {
                format!("there is no type “{typ}”. Write I (information), D (discussion) or A (work).")
            }
            RowIssue::MissingType => "no type. Write I, D or A, or FIKA, PAUS or AVSLUT for a break.".into(),
            RowIssue::NotAnItem => "neither item, type nor break. Add a number and type, or write FIKA, PAUS or AVSLUT.".into(),
            RowIssue::MissingDescription => "no description.".into(),
            RowIssue::BadNumber { number } => {
                format!("the item number “{number}” cannot be read. Write e.g. 5 or 5a.")
            }
            RowIssue::BadTime { time } => {
                format!("the time “{time}” cannot be read. Write e.g. 13.00 or 13:00.")
            }
            RowIssue::TooManyColumns { count } => format!(
                "{count} columns; an agenda has five (Item, Type, Description, Responsible, Time)."
            ),
            RowIssue::NoColumns => "the columns cannot be told apart. Paste the table with tabs between columns.".into(),
            RowIssue::GuessedResponsible { responsible } => {
                format!("“{responsible}” was read as the responsible person. Check the item.")
            }
            RowIssue::TimeGoesBack { time, previous } => format!(
                "the time {time} is before the row above ({previous}); the item keeps {time} as a fixed start."
            ),
        }
    }
}

/// Columns of one agenda row.
const COLUMNS: usize = 5;

/// A row read, before lengths are worked out.
struct Row {
    line: usize,
    raw: String,
    item: NewAgendaItem,
    time: Option<ClockTime>,
}

/// Read a pasted agenda. `known_names` are the council's people (full names); with them, rows
/// pasted without tabs find their responsible person, also by first name ("Sara").
pub fn parse_agenda(text: &str, known_names: &[&str]) -> AgendaImport {
    let mut out = AgendaImport::default();
    let mut rows = Vec::new();
    for record in records(text) {
        if record.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let problem = |reason| RowProblem { line: record.line, text: record.raw.clone(), reason };
        let cells = if record.cells.len() > 1 {
            let cells: Vec<String> = record.cells.iter().map(|c| c.trim().to_string()).collect();
            let used = cells.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
            if used > COLUMNS {
                out.problems.push(problem(RowIssue::TooManyColumns { count: used }));
                continue;
            }
            cells
        } else {
            match split_without_tabs(&record.cells[0], known_names) {
                Spaced::Header => continue,
                Spaced::Cells(cells, guess) => {
                    if let Some(responsible) = guess {
                        out.notices.push(problem(RowIssue::GuessedResponsible { responsible }));
                    }
                    cells
                }
                Spaced::Unreadable => {
                    out.problems.push(problem(RowIssue::NoColumns));
                    continue;
                }
            }
        };
        let cell = |i: usize| cells.get(i).map_or("", String::as_str);
        if is_header(cell(0), cell(1)) {
            continue;
        }
        match read_row(cell(0), cell(1), cell(2), cell(3), cell(4)) {
            Ok((item, time)) => rows.push(Row { line: record.line, raw: record.raw.clone(), item, time }),
            Err(reason) => out.problems.push(problem(reason)),
        }
    }
    out.starts_at = rows.first().and_then(|r| r.time);
    // A row's length is the time to the next row's start. Where that is unknown (a row without
    // time, or time going backwards), the next row keeps its own time as a fixed start.
    for i in 0..rows.len() {
        let (this, next) = (rows[i].time, rows.get(i + 1).and_then(|r| r.time));
        match (this, next) {
            (Some(t), Some(n)) if n >= t => rows[i].item.duration_minutes = Some(n.minutes_after(t) as u32),
            (Some(t), Some(n)) => {
                let (line, raw) = (rows[i + 1].line, rows[i + 1].raw.clone());
                out.notices.push(RowProblem { line, text: raw, reason: RowIssue::TimeGoesBack { time: n, previous: t } });
                rows[i + 1].item.start = Some(n.to_string());
            }
            (None, Some(n)) if i + 1 < rows.len() => rows[i + 1].item.start = Some(n.to_string()),
            _ => {}
        }
    }
    out.notices.sort_by_key(|p| p.line);
    out.items = rows.into_iter().map(|r| r.item).collect();
    out
}

fn is_header(first: &str, second: &str) -> bool {
    first.eq_ignore_ascii_case("punkt") && (second.eq_ignore_ascii_case("typ") || second.is_empty())
}

/// Read one row's five cells into an item and its time.
fn read_row(
    number: &str,
    typ: &str,
    description: &str,
    responsible: &str,
    time: &str,
) -> Result<(NewAgendaItem, Option<ClockTime>), RowIssue> {
    let time = match time {
        "" => None,
        t => Some(ClockTime::parse(t).map_err(|_| RowIssue::BadTime { time: t.to_string() })?),
    };
    if !number.is_empty() && !is_item_number(number) {
        return Err(RowIssue::BadNumber { number: number.to_string() });
    }
    let kind = match (typ, break_kind(description)) {
        ("", Some(b)) => ItemKind::Break(b),
        ("", None) if number.is_empty() => return Err(RowIssue::NotAnItem),
        ("", None) => return Err(RowIssue::MissingType),
        (t, _) => item_kind(t).ok_or_else(|| RowIssue::UnknownType { typ: t.to_string() })?,
    };
    if description.is_empty() {
        return Err(RowIssue::MissingDescription);
    }
    let responsible =
        if responsible.eq_ignore_ascii_case(EVERYONE) { EVERYONE.to_string() } else { responsible.to_string() };
    let item = NewAgendaItem {
        number: number.to_lowercase(),
        kind,
        description: description.to_string(),
        responsible,
        start: None,
        duration_minutes: None,
    };
    Ok((item, time))
}

/// "1", "12", "5a", "5B"; also "5." and "5)" as numbered lists write them.
fn is_item_number(number: &str) -> bool {
    let n = number.trim_end_matches(['.', ')']);
    let digits = n.chars().take_while(char::is_ascii_digit).count();
    let rest = &n[digits..];
    (1..=3).contains(&digits) && rest.chars().count() <= 1 && rest.chars().all(|c| c.is_alphabetic())
}

fn item_kind(typ: &str) -> Option<ItemKind> {
    match typ.trim_matches(['[', ']']).to_uppercase().as_str() {
        "I" => Some(ItemKind::Information),
        "D" => Some(ItemKind::Discussion),
        "A" => Some(ItemKind::Work),
        _ => None,
    }
}

/// The break words of the council's agendas; LUNCH is a pause too.
fn break_kind(description: &str) -> Option<BreakKind> {
    match description.trim().to_uppercase().as_str() {
        "FIKA" => Some(BreakKind::Fika),
        "PAUS" | "LUNCH" => Some(BreakKind::Paus),
        "AVSLUT" => Some(BreakKind::Avslut),
        _ => None,
    }
}

enum Spaced {
    Header,
    /// The five cells, and the responsible person when it was a guess.
    Cells(Vec<String>, Option<String>),
    Unreadable,
}

/// Split a row that has no tabs (text converted from PDF): "3 D Digital förvaltning 2030 Johan
/// Högne 09.45". Number, type and time are recognisable by shape; the responsible person is the
/// longest known name (or first name, or "Alla") at the end of the rest, else the trailing
/// capitalised words (at most two), reported as a guess.
fn split_without_tabs(row: &str, known_names: &[&str]) -> Spaced {
    let mut words: Vec<&str> = row.split_whitespace().collect();
    if words.len() >= 2 && is_header(words[0], words[1]) {
        return Spaced::Header;
    }
    let time = match words.last() {
        Some(w) if ClockTime::parse(w).is_ok() => words.pop().map(str::to_string),
        _ => None,
    };
    let time = time.unwrap_or_default();
    let rest = words.join(" ");
    if break_kind(&rest).is_some() {
        return Spaced::Cells(vec![String::new(), String::new(), rest, String::new(), time], None);
    }
    if words.len() < 3 || !is_item_number(words[0]) || item_kind(words[1]).is_none() {
        return Spaced::Unreadable;
    }
    let (number, typ, text) = (words[0], words[1], &words[2..]);
    let known = known_responsible(text, known_names);
    let (split, guessed) = match known {
        Some(n) => (text.len() - n, false),
        None => {
            let capitalised = text
                .iter()
                .rev()
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count()
                .min(2)
                .min(text.len() - 1);
            (text.len() - capitalised, capitalised > 0)
        }
    };
    let description = text[..split].join(" ");
    let responsible = text[split..].join(" ");
    let guess = guessed.then(|| responsible.clone());
    Spaced::Cells(
        vec![number.to_string(), typ.to_string(), description, responsible, time],
        guess,
    )
}

/// How many words at the end of `text` name a known person (full or first name) or "Alla".
fn known_responsible(text: &[&str], known_names: &[&str]) -> Option<usize> {
    let mut candidates: Vec<Vec<String>> = vec![vec![EVERYONE.to_lowercase()]];
    for name in known_names {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        if let Some(first) = words.first() {
            candidates.push(vec![first.clone()]);
        }
        candidates.push(words);
    }
    candidates
        .iter()
        .filter(|c| !c.is_empty() && c.len() < text.len())
        .filter(|c| {
            text[text.len() - c.len()..].iter().zip(c.iter()).all(|(w, n)| w.to_lowercase() == *n)
        })
        .map(Vec::len)
        .max()
}

/// One record of tab-separated text with its first line number.
struct Record {
    line: usize,
    raw: String,
    cells: Vec<String>,
}

/// Split pasted text into records of cells. A cell that starts with `"` and closes before a tab
/// or line end may span lines (Excel and Word quote cells with line breaks that way; `""` is a
/// quote). A quote that never closes is kept as an ordinary character, so one stray `"` cannot
/// swallow the rest of the agenda.
fn records(text: &str) -> Vec<Record> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        let mut cells = Vec::new();
        let mut line = lines[i];
        let mut consumed_to = i;
        loop {
            // Read cells of `line`; a quoted cell may continue onto following lines.
            let (cell, rest, next_line) = match quoted_cell(line, &lines, consumed_to) {
                Some((cell, rest, last)) => (cell, rest, last),
                None => match line.split_once('\t') {
                    Some((c, r)) => (c.to_string(), Some(r), consumed_to),
                    None => (line.to_string(), None, consumed_to),
                },
            };
            cells.push(cell);
            consumed_to = next_line;
            match rest {
                Some(r) => line = r,
                None => break,
            }
        }
        let raw = lines[start..=consumed_to].join("\n");
        out.push(Record { line: start + 1, raw, cells });
        i = consumed_to + 1;
    }
    out
}

/// If `line` starts with a quoted cell that closes (possibly on a later line), return the cell,
/// the rest of its last line after the following tab (None at line end) and that line's index.
fn quoted_cell<'a>(line: &'a str, lines: &[&'a str], index: usize) -> Option<(String, Option<&'a str>, usize)> {
    let body = line.strip_prefix('"')?;
    let mut cell = String::new();
    let mut current = body;
    let mut at = index;
    loop {
        let mut chars = current.char_indices().peekable();
        while let Some((pos, c)) = chars.next() {
            if c != '"' {
                cell.push(c);
                continue;
            }
            if let Some(&(_, '"')) = chars.peek() {
                chars.next();
                cell.push('"');
                continue;
            }
            let after = &current[pos + 1..];
            return match after.split_once('\t') {
                Some(("", rest)) => Some((cell, Some(rest), at)),
                None if after.is_empty() => Some((cell, None, at)),
                // Text after the closing quote: not a quoted cell after all.
                _ => None,
            };
        }
        at += 1;
        current = lines.get(at)?;
        cell.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: &[&str] = &["Sara Herrman", "Henrik Röste", "Niklas Faritzon"];

    /// Compact view of an item: "number|type|description|responsible|length".
    fn show(item: &NewAgendaItem) -> String {
        let length = item.duration_minutes.map_or("?".to_string(), |d| d.to_string());
        let start = item.start.as_ref().map_or(String::new(), |s| format!("@{s}"));
        format!("{}|{}|{}|{}|{length}{start}", item.number, item.kind.label(), item.description, item.responsible)
    }

    fn check(text: &str, items: &[&str], problems: &[(usize, &str)]) -> AgendaImport {
        let got = parse_agenda(text, PEOPLE);
        let shown: Vec<String> = got.items.iter().map(show).collect();
        assert_eq!(shown, items);
        let got_problems: Vec<(usize, String)> = got.problems.iter().map(|p| (p.line, p.sv())).collect();
        assert_eq!(got_problems.len(), problems.len(), "{got_problems:#?}");
        for ((line, text), (want_line, want)) in got_problems.iter().zip(problems) {
            assert_eq!(line, want_line, "{text}");
            assert!(text.contains(want), "{text:?} should mention {want:?}");
        }
        got
    }

    /// Seed 002, 2019-04-04, exactly as in the document.
    const SEED_002: &str = "Punkt\tTyp\tBeskrivning\tAnsvarig\tCa tid
1\tI\tVälkomna\tSara Herrman\t13.00
2\tD\tPresentation av oss\tAlla\t13.05
3\tI\tParadigmskiftet\tSara Herrman\t13.20
4\tI\tDigitaliseringsvision och den nationella digitaliseringsstrategin\tSara Herrman\t13.40
5a\tI\tE-rådets uppdrag\tSara Herrman\t14.00
5b\tD\tSynpunkter angående uppdragshandlingen\tAlla\t14.10
\t\tFIKA\t\t14.20
6a\tI\tHandlingsplan för digitalisering i Fyrbodalen\tSara Herrman\t14.40
6b\tD\tHur vill ni arbeta med handlingsplanen?\tAlla\t14.55
7\tD\tVal av beredning (ordförande och vice ordförande)\tSara Herrman\t15.20
8\tD\tPlanering av kommande träffar\tSara Herrman\t15.40
";

    /// Seed 001, 2020-09-10, with the line holding one space before the header.
    const SEED_001: &str = " 
Punkt\tTyp\tBeskrivning\tAnsvarig\tCa tid
1\tI\tVälkommen och föregående protokoll\tHenrik\t13.00
2\tD\tStatus för e-rådets arbete\tSara\t13.10
3\tI\tPresentation av beslutsunderlaget för e-samordnarens roll efter årsskiftet\tSara\t13.30
4\tI\tIntroduktion till workshop\tSara\t13.50
5\tA\tWorkshop: Färdplan för e-rådet\tSara\t14.00
\t\tAVSLUT\t\t16.00
";

    /// Seed 003, converted from PDF: spaces, not tabs, and blank lines between rows.
    const SEED_003: &str = "Punkt Typ Beskrivning Ansvarig Ca tid

1 I Välkommen och föregående protokoll Henrik 09.00

2 I Status för e-rådets arbete Sara 09.15

3 D Digital förvaltning 2030 Johan Högne 09.45

4 D Frågor som lyfts till e-rådet Sara 10.15

PAUS 10.30

5 I Beslutad modell för e-samordnarens roll Sara 11.00

6 D Diskussion om framtiden Alla 11.20

AVSLUT 12.00
";

    #[test]
    fn seed_002_agenda() {
        let got = check(
            SEED_002,
            &[
                "1|I|Välkomna|Sara Herrman|5",
                "2|D|Presentation av oss|Alla|15",
                "3|I|Paradigmskiftet|Sara Herrman|20",
                "4|I|Digitaliseringsvision och den nationella digitaliseringsstrategin|Sara Herrman|20",
                "5a|I|E-rådets uppdrag|Sara Herrman|10",
                "5b|D|Synpunkter angående uppdragshandlingen|Alla|10",
                "|FIKA|FIKA||20",
                "6a|I|Handlingsplan för digitalisering i Fyrbodalen|Sara Herrman|15",
                "6b|D|Hur vill ni arbeta med handlingsplanen?|Alla|25",
                "7|D|Val av beredning (ordförande och vice ordförande)|Sara Herrman|20",
                "8|D|Planering av kommande träffar|Sara Herrman|?",
            ],
            &[],
        );
        assert_eq!(got.starts_at, ClockTime::from_hm(13, 0));
        assert!(got.notices.is_empty());
    }

    #[test]
    fn seed_001_agenda() {
        let got = check(
            SEED_001,
            &[
                "1|I|Välkommen och föregående protokoll|Henrik|10",
                "2|D|Status för e-rådets arbete|Sara|20",
                "3|I|Presentation av beslutsunderlaget för e-samordnarens roll efter årsskiftet|Sara|20",
                "4|I|Introduktion till workshop|Sara|10",
                "5|A|Workshop: Färdplan för e-rådet|Sara|120",
                "|AVSLUT|AVSLUT||?",
            ],
            &[],
        );
        assert!(got.notices.is_empty());
    }

    #[test]
    fn seed_003_agenda_without_tabs() {
        let got = check(
            SEED_003,
            &[
                "1|I|Välkommen och föregående protokoll|Henrik|15",
                "2|I|Status för e-rådets arbete|Sara|30",
                "3|D|Digital förvaltning 2030|Johan Högne|30",
                "4|D|Frågor som lyfts till e-rådet|Sara|15",
                "|PAUS|PAUS||30",
                "5|I|Beslutad modell för e-samordnarens roll|Sara|20",
                "6|D|Diskussion om framtiden|Alla|40",
                "|AVSLUT|AVSLUT||?",
            ],
            &[],
        );
        assert_eq!(got.starts_at, ClockTime::from_hm(9, 0));
        // Only the name the council does not know is a guess; it points at its line.
        let notices: Vec<String> = got.notices.iter().map(RowProblem::sv).collect();
        assert_eq!(notices, ["Rad 7: ”Johan Högne” lästes som ansvarig. Kontrollera punkten."]);
    }

    #[test]
    fn malformed_rows_are_reported_not_dropped() {
        let text = "1\tI\tVälkomna\tSara\t13:00
2\tX\tOkänd typ\tSara\t13:10
3\tD\tFel tid\tSara\t13,20
4\t\tIngen typ\tSara\t13:30
\t\tBara text\t\t13:40
5\tD\t\tSara\t13:50
nummer\tD\tKonstigt nummer\tSara\t14:00
6\tD\tFör många\tSara\t14:10\textra
bara några ord utan tabbar
7\tA\tSista\tAlla\t14:20";
        check(
            text,
            // Lengths follow the imported rows; fixing a problem row and adding it changes them.
            &["1|I|Välkomna|Sara|80", "7|A|Sista|Alla|?"],
            &[
                (2, "typen ”X” finns inte"),
                (3, "tiden ”13,20”"),
                (4, "typ saknas"),
                (5, "varken punkt, typ eller paus"),
                (6, "beskrivning saknas"),
                (7, "punktnumret ”nummer”"),
                (8, "6 kolumner"),
                (9, "Klistra in tabellen med tabbar"),
            ],
        );
    }

    #[test]
    fn small_variations_are_read() {
        // No header, "13:00" times, lower-case and bracketed types, CRLF, trailing empty cells,
        // Lunch as a break, "alla" written in lower case.
        check(
            "1\ti\tStart\tSara\t9:00\t\r\n2\t[D]\tSamtal\talla\t09:30\r\n\t\tLunch\t\t12:00\r\n3\tA\tEfter lunch\tSara\t13:00",
            &["1|I|Start|Sara|30", "2|D|Samtal|Alla|150", "|PAUS|Lunch||60", "3|A|Efter lunch|Sara|?"],
            &[],
        );
        // A row without time: the next row keeps its own time as a fixed start.
        check(
            "1\tI\tA\tSara\t13.00\n2\tD\tB\tSara\t\n3\tD\tC\tSara\t14.00",
            &["1|I|A|Sara|?", "2|D|B|Sara|?", "3|D|C|Sara|?@14:00"],
            &[],
        );
        // Time going backwards: imported with a fixed start and a notice.
        let got = check(
            "1\tI\tA\tSara\t13.00\n2\tD\tB\tSara\t12.30",
            &["1|I|A|Sara|?", "2|D|B|Sara|?@12:30"],
            &[],
        );
        assert_eq!(got.notices.len(), 1);
        assert!(got.notices[0].sv().contains("Rad 2: tiden 12:30 är före raden innan (13:00)"));
    }

    #[test]
    fn quoted_cells_with_line_breaks_are_one_row() {
        // How Excel and Word copy a cell with sub-bullets (seed 001 item 1).
        let text = "1\tI\t\"Välkommen och föregående protokoll\n- Digital förvaltning 2025\n- Beslutade ramar\"\tHenrik\t13.00\n2\tD\tStatus med \"citat\"\tSara\t13.10";
        check(
            text,
            &[
                "1|I|Välkommen och föregående protokoll\n- Digital förvaltning 2025\n- Beslutade ramar|Henrik|10",
                "2|D|Status med \"citat\"|Sara|?",
            ],
            &[],
        );
        // An unclosed quote stays an ordinary character and the next rows are still read.
        check(
            "1\tI\t\"Öppet citat\tSara\t13.00\n2\tD\tNästa\tSara\t13.10",
            &["1|I|\"Öppet citat|Sara|10", "2|D|Nästa|Sara|?"],
            &[],
        );
        // Line numbers count the lines of the quoted cell.
        let got = parse_agenda("1\tI\t\"a\nb\"\tSara\t13.00\n2\tX\tc\tSara\t13.10", PEOPLE);
        assert_eq!(got.problems[0].line, 3);
    }
}
