//! The UI's words in Swedish (default) and English: one enum of message keys, one match per
//! language. Pure (no web-sys), so the tables are checked natively; `ui` stores the choice.

/// A language the UI speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>` and for storing the choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, for the one-click switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }
}

/// Every text the UI shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    AppName,
    MainNav,
    Council,
    Settings,
    SwitchLanguage,
    SwitchLanguageLabel,
    Loading,
    NotFound,
    Dismiss,
    // Council overview
    Purpose,
    Goals,
    FocusAreas,
    RulesOfConduct,
    Organisations,
    Name,
    Type,
    Population,
    Total,
    PeopleAndRoles,
    Role,
    Holders,
    Meetings,
    NoMeetings,
    Date,
    // Meeting
    BackToCouncil,
    FetchingMeeting,
    MeetingUnavailable,
    Time,
    Place,
    Attendees,
    Absentees,
    Agenda,
    Number,
    Description,
    Responsible,
    Start,
    Minutes,
    Actions,
    AddItem,
    MoveUp,
    MoveDown,
    Remove,
    RemovedItems,
    Restore,
    TimingProblems,
    KindInformation,
    KindDiscussion,
    KindWork,
    KindFika,
    KindPaus,
    KindAvslut,
    // Minutes, paste import, approval
    MinutesHeading,
    OpenWorkItems,
    OpenWorkItem,
    Notes,
    DiscussionPoints,
    DiscussionPoint,
    AddDiscussionPoint,
    Decisions,
    Decision,
    AddDecision,
    ActionItems,
    ActionItem,
    AddActionItem,
    Who,
    Due,
    PasteAgenda,
    PasteAgendaHelp,
    AddPastedItems,
    RowsNotRead,
    RowNotices,
    ItemsAdded,
    Approval,
    RecordedBy,
    Justerare,
    JusterareHelp,
    Approve,
    ApprovedBy,
    LockedNote,
    NameJusterareFirst,
    ReopenReason,
    Reopen,
    ReasonRequired,
    ChangedAfterApproval,
    Reopened,
    // Sync indicator
    SyncStatus,
    StatusOffline,
    StatusConnecting,
    StatusSyncing,
    StatusSaving,
    StatusSavedOnDevice,
    StatusSavedOnServer,
    StatusNotSaved,
    // Settings
    Language,
    RelayUrl,
    RelayUrlHelp,
    BadRelayUrl,
    Save,
    Saved,
}

/// The text for `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Sv => sv(key),
        Lang::En => en(key),
    }
}

fn sv(key: Key) -> &'static str {
    use Key::*;
    match key {
        AppName => "Rådslag",
        MainNav => "Huvudmeny",
        Council => "Rådet",
        Settings => "Inställningar",
        // The switch names the language it switches to, in that language.
        SwitchLanguage => "English",
        SwitchLanguageLabel => "English (byt språk till engelska)",
        Loading => "Öppnar…",
        NotFound => "Sidan finns inte.",
        Dismiss => "Stäng",
        Purpose => "Syfte",
        Goals => "Mål",
        FocusAreas => "Ämnesområden",
        RulesOfConduct => "Förhållningsregler",
        Organisations => "Organisationer",
        Name => "Namn",
        Type => "Typ",
        Population => "Folkmängd",
        Total => "Summa",
        PeopleAndRoles => "Personer och roller",
        Role => "Roll",
        Holders => "Bemannas av",
        Meetings => "Möten",
        NoMeetings => "Inga möten ännu.",
        Date => "Datum",
        BackToCouncil => "Till rådet",
        FetchingMeeting => "Hämtar mötet…",
        MeetingUnavailable => "Mötet finns inte på enheten och inte heller på servern.",
        Time => "Tid",
        Place => "Plats",
        Attendees => "Deltagare",
        Absentees => "Förhindrade",
        Agenda => "Dagordning",
        Number => "Punkt",
        Description => "Beskrivning",
        Responsible => "Ansvarig",
        Start => "Ca tid",
        Minutes => "Minuter",
        Actions => "Ändra",
        AddItem => "Lägg till punkt",
        MoveUp => "Flytta upp",
        MoveDown => "Flytta ned",
        Remove => "Ta bort",
        RemovedItems => "Borttagna punkter",
        Restore => "Återställ",
        TimingProblems => "Tidsplanen",
        KindInformation => "I – information",
        KindDiscussion => "D – diskussion",
        KindWork => "A – arbetsmoment",
        KindFika => "FIKA",
        KindPaus => "PAUS",
        KindAvslut => "AVSLUT",
        MinutesHeading => "Protokoll",
        OpenWorkItems => "Öppna arbetspunkter (A) utan beslut eller åtgärd",
        OpenWorkItem => "Öppen arbetspunkt: beslut eller åtgärd saknas",
        Notes => "Anteckningar",
        DiscussionPoints => "Diskussionspunkter",
        DiscussionPoint => "Diskussionspunkt",
        AddDiscussionPoint => "Lägg till diskussionspunkt",
        Decisions => "Beslut",
        Decision => "Beslut",
        AddDecision => "Lägg till beslut",
        ActionItems => "Åtgärder",
        ActionItem => "Åtgärd",
        AddActionItem => "Lägg till åtgärd",
        Who => "Vem",
        Due => "Klart senast",
        PasteAgenda => "Klistra in dagordning",
        PasteAgendaHelp => "En rad per punkt: Punkt, Typ, Beskrivning, Ansvarig, Ca tid, med tabb mellan kolumnerna (som en tabell från Word).",
        AddPastedItems => "Lägg till inklistrade punkter",
        RowsNotRead => "Rader som inte lades till",
        RowNotices => "Kontrollera",
        ItemsAdded => "Punkter tillagda:",
        Approval => "Justering",
        RecordedBy => "Antecknat av",
        Justerare => "Justerare",
        JusterareHelp => "Flera namn skiljs med kommatecken.",
        Approve => "Justera protokollet",
        ApprovedBy => "Justerat av",
        LockedNote => "Protokollet är justerat och låst. Öppna det igen med ett skäl för att ändra.",
        NameJusterareFirst => "Skriv in justerare innan protokollet justeras.",
        ReopenReason => "Skäl att öppna igen",
        Reopen => "Öppna igen",
        ReasonRequired => "Skriv varför protokollet öppnas igen.",
        ChangedAfterApproval => "Ändrat efter justering",
        Reopened => "Öppnat igen",
        SyncStatus => "Synkstatus",
        StatusOffline => "Offline",
        StatusConnecting => "Synkar…",
        StatusSyncing => "Synkar…",
        StatusSaving => "Synkar…",
        StatusSavedOnDevice => "Sparat på enheten",
        StatusSavedOnServer => "Sparat på servern",
        StatusNotSaved => "Kunde inte spara på enheten",
        Language => "Språk",
        RelayUrl => "Synkserverns adress",
        RelayUrlHelp => "Lämna tomt för att synka med servern som appen kom från (/sync). Adressen börjar med ws:// eller wss://.",
        BadRelayUrl => "Adressen måste börja med ws:// eller wss://.",
        Save => "Spara",
        Saved => "Sparat. Ansluter till den nya adressen.",
    }
}

fn en(key: Key) -> &'static str {
    use Key::*;
    match key {
        AppName => "Rådslag",
        MainNav => "Main menu",
        Council => "Council",
        Settings => "Settings",
        SwitchLanguage => "Svenska",
        SwitchLanguageLabel => "Svenska (switch language to Swedish)",
        Loading => "Opening…",
        NotFound => "There is no such page.",
        Dismiss => "Close",
        Purpose => "Purpose",
        Goals => "Goals",
        FocusAreas => "Focus areas",
        RulesOfConduct => "Rules of conduct",
        Organisations => "Organisations",
        Name => "Name",
        Type => "Type",
        Population => "Population",
        Total => "Total",
        PeopleAndRoles => "People and roles",
        Role => "Role",
        Holders => "Held by",
        Meetings => "Meetings",
        NoMeetings => "No meetings yet.",
        Date => "Date",
        BackToCouncil => "Back to the council",
        FetchingMeeting => "Fetching the meeting…",
        MeetingUnavailable => "This meeting is neither on this device nor on the server.",
        Time => "Time",
        Place => "Place",
        Attendees => "Attendees",
        Absentees => "Unable to attend",
        Agenda => "Agenda",
        Number => "Item",
        Description => "Description",
        Responsible => "Responsible",
        Start => "Approx. time",
        Minutes => "Minutes",
        Actions => "Change",
        AddItem => "Add item",
        MoveUp => "Move up",
        MoveDown => "Move down",
        Remove => "Remove",
        RemovedItems => "Removed items",
        Restore => "Restore",
        TimingProblems => "Timing",
        KindInformation => "I – information",
        KindDiscussion => "D – discussion",
        KindWork => "A – work session",
        KindFika => "FIKA",
        KindPaus => "PAUS",
        KindAvslut => "AVSLUT",
        MinutesHeading => "Minutes",
        OpenWorkItems => "Open work items (A) without a decision or action item",
        OpenWorkItem => "Open work item: no decision or action item yet",
        Notes => "Notes",
        DiscussionPoints => "Discussion points",
        DiscussionPoint => "Discussion point",
        AddDiscussionPoint => "Add discussion point",
        Decisions => "Decisions",
        Decision => "Decision",
        AddDecision => "Add decision",
        ActionItems => "Action items",
        ActionItem => "Action item",
        AddActionItem => "Add action item",
        Who => "Who",
        Due => "Due",
        PasteAgenda => "Paste agenda",
        PasteAgendaHelp => "One row per item: Item, Type, Description, Responsible, Approx. time, with tabs between the columns (as a table copied from Word).",
        AddPastedItems => "Add pasted items",
        RowsNotRead => "Rows that were not added",
        RowNotices => "Check",
        ItemsAdded => "Items added:",
        Approval => "Approval",
        RecordedBy => "Recorded by",
        Justerare => "Justerare (approvers)",
        JusterareHelp => "Separate several names with commas.",
        Approve => "Approve the minutes",
        ApprovedBy => "Approved by",
        LockedNote => "The minutes are approved and locked. Reopen them with a reason to make changes.",
        NameJusterareFirst => "Enter the justerare before approving the minutes.",
        ReopenReason => "Reason for reopening",
        Reopen => "Reopen",
        ReasonRequired => "Say why the minutes are reopened.",
        ChangedAfterApproval => "Changed after approval",
        Reopened => "Reopened",
        SyncStatus => "Sync status",
        StatusOffline => "Offline",
        StatusConnecting => "Syncing…",
        StatusSyncing => "Syncing…",
        StatusSaving => "Syncing…",
        StatusSavedOnDevice => "Saved on this device",
        StatusSavedOnServer => "Saved on the server",
        StatusNotSaved => "Could not save on this device",
        Language => "Language",
        RelayUrl => "Sync server address",
        RelayUrlHelp => "Leave empty to sync with the server the app came from (/sync). The address starts with ws:// or wss://.",
        BadRelayUrl => "The address must start with ws:// or wss://.",
        Save => "Save",
        Saved => "Saved. Connecting to the new address.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_by_default_english_one_switch_away() {
        assert_eq!(Lang::default(), Lang::Sv);
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(t(Lang::Sv.other(), Key::StatusSavedOnServer), "Saved on the server");
        assert_eq!(t(Lang::Sv, Key::StatusSavedOnDevice), "Sparat på enheten");
    }

    #[test]
    fn the_switch_label_contains_its_visible_text() {
        // WCAG "label in name": a voice user says what they see.
        for lang in [Lang::Sv, Lang::En] {
            assert!(t(lang, Key::SwitchLanguageLabel).starts_with(t(lang, Key::SwitchLanguage)));
        }
    }
}
