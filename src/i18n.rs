//! The UI's words in Swedish (default) and English: one table of message keys, one line per
//! key with both texts. Pure (no web-sys), so the table is checked natively; `ui` stores the choice.

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

    /// This language's one of two texts, for texts made with values (counts, numbers) that
    /// the key table cannot hold.
    pub fn pick<T>(self, sv: T, en: T) -> T {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
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

/// An error or notice whose `Display` text is English and which can also be said in Swedish.
/// Views call [`Bilingual::say`] with the UI's language.
pub trait Bilingual: std::fmt::Display {
    /// The message in Swedish.
    fn sv(&self) -> String;

    /// The message in `lang`.
    fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::Sv => self.sv(),
            Lang::En => self.to_string(),
        }
    }
}

/// Declares `Key` and both languages' texts from one table, so a key's Swedish and English
/// stand on one line and a missing translation is a compile error.
macro_rules! texts {
    ($($(#[$doc:meta])* $key:ident => ($sv:expr, $en:expr),)*) => {
        /// Every text the UI shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key {
            $($(#[$doc])* $key,)*
        }

        fn sv(key: Key) -> &'static str {
            match key {
                $(Key::$key => $sv,)*
            }
        }

        fn en(key: Key) -> &'static str {
            match key {
                $(Key::$key => $en,)*
            }
        }
    };
}

// Key => (Swedish, English).
#[rustfmt::skip]
texts! {
    AppName => ("Rådslag", "Rådslag"),
    MainNav => ("Huvudmeny", "Main menu"),
    Council => ("Rådet", "Council"),
    Settings => ("Inställningar", "Settings"),
    // The switch names the language it switches to, in that language.
    SwitchLanguage => ("English", "Svenska"),
    SwitchLanguageLabel => ("English (byt språk till engelska)", "Svenska (switch language to Swedish)"),
    Loading => ("Öppnar…", "Opening…"),
    DocumentNotOpen => ("Dokumentet är inte öppet på enheten ännu; vänta tills det har hämtats och försök igen.", "The document is not open on this device yet; wait until it has been fetched and try again."),
    NotFound => ("Sidan finns inte.", "There is no such page."),
    Dismiss => ("Stäng", "Close"),
    // Council overview
    Purpose => ("Syfte", "Purpose"),
    Goals => ("Mål", "Goals"),
    FocusAreas => ("Ämnesområden", "Focus areas"),
    RulesOfConduct => ("Förhållningsregler", "Rules of conduct"),
    Organisations => ("Organisationer", "Organisations"),
    Name => ("Namn", "Name"),
    Type => ("Typ", "Type"),
    Population => ("Folkmängd", "Population"),
    Total => ("Summa", "Total"),
    PeopleAndRoles => ("Personer och roller", "People and roles"),
    Role => ("Roll", "Role"),
    Holders => ("Bemannas av", "Held by"),
    Meetings => ("Möten", "Meetings"),
    NoMeetings => ("Inga möten ännu.", "No meetings yet."),
    Date => ("Datum", "Date"),
    // Meeting
    BackToCouncil => ("Till rådet", "Back to the council"),
    FetchingMeeting => ("Hämtar mötet…", "Fetching the meeting…"),
    MeetingUnavailable => ("Mötet finns inte på enheten och inte heller på servern.", "This meeting is neither on this device nor on the server."),
    Time => ("Tid", "Time"),
    Place => ("Plats", "Place"),
    Attendees => ("Deltagare", "Attendees"),
    Absentees => ("Förhindrade", "Unable to attend"),
    Agenda => ("Dagordning", "Agenda"),
    Number => ("Punkt", "Item"),
    Description => ("Beskrivning", "Description"),
    Responsible => ("Ansvarig", "Responsible"),
    Start => ("Ca tid", "Approx. time"),
    Minutes => ("Minuter", "Minutes"),
    Actions => ("Ändra", "Change"),
    AddItem => ("Lägg till punkt", "Add item"),
    MoveUp => ("Flytta upp", "Move up"),
    MoveDown => ("Flytta ned", "Move down"),
    Remove => ("Ta bort", "Remove"),
    RemovedItems => ("Borttagna punkter", "Removed items"),
    Restore => ("Återställ", "Restore"),
    TimingProblems => ("Tidsplanen", "Timing"),
    KindInformation => ("I – information", "I – information"),
    KindDiscussion => ("D – diskussion", "D – discussion"),
    KindWork => ("A – arbetsmoment", "A – work session"),
    KindFika => ("FIKA", "FIKA"),
    KindPaus => ("PAUS", "PAUS"),
    KindAvslut => ("AVSLUT", "AVSLUT"),
    // Minutes, paste import, approval
    MinutesHeading => ("Protokoll", "Minutes"),
    OpenWorkItems => ("Öppna arbetspunkter (A) utan beslut eller åtgärd", "Open work items (A) without a decision or action item"),
    OpenWorkItem => ("Öppen arbetspunkt: beslut eller åtgärd saknas", "Open work item: no decision or action item yet"),
    Notes => ("Anteckningar", "Notes"),
    DiscussionPoints => ("Diskussionspunkter", "Discussion points"),
    DiscussionPoint => ("Diskussionspunkt", "Discussion point"),
    AddDiscussionPoint => ("Lägg till diskussionspunkt", "Add discussion point"),
    Decisions => ("Beslut", "Decisions"),
    Decision => ("Beslut", "Decision"),
    AddDecision => ("Lägg till beslut", "Add decision"),
    ActionItems => ("Åtgärder", "Action items"),
    ActionItem => ("Åtgärd", "Action item"),
    AddActionItem => ("Lägg till åtgärd", "Add action item"),
    Who => ("Vem", "Who"),
    Due => ("Klart senast", "Due"),
    PasteAgenda => ("Klistra in dagordning", "Paste agenda"),
    PasteAgendaHelp => ("En rad per punkt: Punkt, Typ, Beskrivning, Ansvarig, Ca tid, med tabb mellan kolumnerna (som en tabell från Word).", "One row per item: Item, Type, Description, Responsible, Approx. time, with tabs between the columns (as a table copied from Word)."),
    AddPastedItems => ("Lägg till inklistrade punkter", "Add pasted items"),
    RowsNotRead => ("Rader som inte lades till", "Rows that were not added"),
    RowNotices => ("Kontrollera", "Check"),
    ItemsAdded => ("Punkter tillagda:", "Items added:"),
    Approval => ("Justering", "Approval"),
    RecordedBy => ("Antecknat av", "Recorded by"),
    Justerare => ("Justerare", "Justerare (approvers)"),
    JusterareHelp => ("Flera namn skiljs med kommatecken.", "Separate several names with commas."),
    ApprovedBy => ("Justerat av", "Approved by"),
    LockedNote => ("Protokollet är justerat och låst. Öppna det igen med ett skäl för att ändra.", "The minutes are approved and locked. Reopen them with a reason to make changes."),
    NameJusterareFirst => ("Skriv in justerare innan protokollet justeras.", "Enter the justerare before approving the minutes."),
    ReopenReason => ("Skäl att öppna igen", "Reason for reopening"),
    Reopen => ("Öppna igen", "Reopen"),
    ReasonRequired => ("Skriv varför protokollet öppnas igen.", "Say why the minutes are reopened."),
    ChangedAfterApproval => ("Ändrat efter justering", "Changed after approval"),
    // Sync indicator
    SyncStatus => ("Synkstatus", "Sync status"),
    StatusOffline => ("Offline", "Offline"),
    StatusConnecting => ("Synkar…", "Syncing…"),
    StatusSyncing => ("Synkar…", "Syncing…"),
    StatusSaving => ("Synkar…", "Syncing…"),
    StatusSavedOnDevice => ("Sparat på enheten", "Saved on this device"),
    StatusSavedOnServer => ("Sparat på servern", "Saved on the server"),
    StatusNotSaved => ("Kunde inte spara på enheten", "Could not save on this device"),
    // Storage on this device failed, by the kind of failure (problems::storage_failure)
    StorageFull => ("Webbläsarens lagring är full: frigör utrymme på enheten eller ge webbplatsen mer lagring. Osparade ändringar finns kvar i fliken så länge den är öppen.", "This browser's storage is full: free space on the device or allow this site more storage. Unsaved changes stay in this tab while it is open."),
    StorageUnavailable => ("Lagring är inte tillgänglig (privat surfning?): låt webbplatsen spara data, eller använd ett vanligt fönster. Ändringar finns bara kvar tills fliken stängs.", "Storage is not available (private browsing?): allow this site to store data, or use a normal window. Changes are kept only until this tab is closed."),
    StorageNewerVersion => ("Webbläsarens lagring är skriven av en nyare version av Rådslag; ladda om sidan för att få den versionen.", "This browser's storage was written by a newer version of Rådslag; reload the page to get that version."),
    StorageUnreadable => ("Webbläsarens lagring har data som Rådslag inte kan läsa; ladda om sidan.", "This browser's storage holds data Rådslag cannot read; reload the page."),
    StorageReadFailed => ("Kunde inte läsa från webbläsarens lagring; ladda om sidan och försök igen.", "Could not read from this browser's storage; reload the page and try again."),
    StorageWriteFailed => ("Kunde inte spara i webbläsarens lagring; Rådslag försöker igen.", "Could not save in this browser's storage; Rådslag will try again."),
    StorageOther => ("Lagringen på enheten gav ett fel.", "Storage on this device reported an error."),
    // Settings
    Language => ("Språk", "Language"),
    RelayUrl => ("Synkserverns adress", "Sync server address"),
    RelayUrlHelp => ("Lämna tomt för att synka med servern som appen kom från (/sync). Adressen börjar med ws:// eller wss://.", "Leave empty to sync with the server the app came from (/sync). The address starts with ws:// or wss://."),
    BadRelayUrl => ("Adressen måste börja med ws:// eller wss://.", "The address must start with ws:// or wss://."),
    Save => ("Spara", "Save"),
    Saved => ("Sparat. Ansluter till den nya adressen.", "Saved. Connecting to the new address."),
    // Planning meetings
    NewMeeting => ("Nytt möte", "New meeting"),
    MeetingKind => ("Mötestyp", "Kind of meeting"),
    MeetingStart => ("Start", "Start"),
    MeetingEnd => ("Slut", "End"),
    VideoLink => ("Videolänk", "Video link"),
    KeepsMeetingRules => ("Mötet följer rådets mötesregler.", "The meeting keeps the council's meeting rules."),
    BeforeYouCreate => ("Innan du skapar mötet:", "Before you create the meeting:"),
    CreateMeeting => ("Skapa mötet", "Create the meeting"),
    FixDateAndTimesFirst => ("Rätta datum och tider innan mötet skapas.", "Fix the date and times before creating the meeting."),
    Created => ("Skapade", "Created"),
    YearPlan => ("Årsplan", "Year plan"),
    Year => ("År", "Year"),
    PlanTheYear => ("Planera året", "Plan the year"),
    YearFourDigits => ("Skriv året med fyra siffror, t.ex. 2027.", "Write the year with four digits, e.g. 2027."),
    Proposal => ("Förslag:", "Proposal:"),
    CreateAll => ("Skapa alla", "Create all"),
    MeetingsCount => ("möten", "meetings"),
    Cancel => ("Avbryt", "Cancel"),
    // Agenda timing
    FixedStartHelp => ("Lämna tomt så börjar punkten när punkten före slutar.", "Leave empty and the item starts when the one before ends."),
    BadStartTime => ("Skriv tiden som TT:MM, t.ex. 13:00.", "Write the time as HH:MM, e.g. 13:00."),
    // Attendance
    AttendanceHeading => ("Närvaro", "Attendance"),
    Organisation => ("Kommun/organisation", "Municipality/organisation"),
    NotMarked => ("Inte angivet", "Not marked"),
    Attending => ("Deltar", "Attends"),
    Regrets => ("Förhindrad", "Sent regrets"),
    AttendancePerMunicipality => ("Närvaro per kommun", "Attendance per municipality"),
    GuestName => ("Namn (gäst)", "Name (guest)"),
    AddAttendee => ("Lägg till deltagare", "Add attendee"),
    GuestNameRequired => ("Skriv deltagarens namn först.", "Write the attendee’s name first."),
    OnlyCouncilMeetings => ("Bara e-rådsmöten", "Council meetings only"),
    MeetingsBeingFetched => ("Möten som hämtas från servern:", "Meetings being fetched from the server:"),
    MeetingsCounted => ("Möten med närvaro antecknad:", "Meetings with attendance recorded:"),
    MeetingsPresent => ("Möten med närvaro", "Meetings present"),
    Attendances => ("Deltaganden", "Attendances"),
    // Registers
    Registers => ("Register", "Registers"),
    Filters => ("Filter", "Filters"),
    Person => ("Person", "Person"),
    Everyone => ("Alla personer", "Everyone"),
    AllOrganisations => ("Alla kommuner och organisationer", "All municipalities and organisations"),
    Status => ("Status", "Status"),
    AnyStatus => ("Alla", "Any"),
    StatusOpen => ("Öppen", "Open"),
    StatusDone => ("Klar", "Done"),
    OverdueOnly => ("Bara försenade", "Overdue only"),
    Overdue => ("Försenad", "Overdue"),
    ActionItemList => ("Åtgärdslista", "Action items"),
    ActionItemsShown => ("åtgärder visas", "action items shown"),
    Meeting => ("Möte", "Meeting"),
    DecisionRegister => ("Beslutsregister", "Decisions register"),
    SearchDecisions => ("Sök bland besluten", "Search the decisions"),
    DecisionsShown => ("beslut visas", "decisions shown"),
    // Running clock
    MeetingClock => ("Mötesklocka", "Meeting clock"),
    ExpectedEnd => ("beräknat slut", "expected end"),
    MinutesOverEnd => ("min efter sluttiden", "min past the end time"),
    StartItem => ("Starta punkt", "Start item"),
    NextItem => ("Nästa punkt", "Next item"),
    FinishItem => ("Avsluta punkt", "Finish item"),
    CloseMeeting => ("Avsluta mötet", "Close the meeting"),
    OpenWorkBeforeClose => ("Arbetspunkter (A) utan beslut eller åtgärd: punkt", "Work items (A) without a decision or action item: item"),
    CloseAnyway => ("Avsluta ändå", "Close anyway"),
    MeetingHeld => ("Mötet är avslutat.", "The meeting is closed."),
    Planned => ("Planerad start", "Planned start"),
    StartsOrStarted => ("Startar/startade", "Starts/started"),
    Ended => ("Slutade", "Ended"),
    ShowToAll => ("Visa för alla", "Show to everyone"),
    ShownToAll => ("visas för alla", "shown to everyone"),
    Show => ("Visa", "Show"),
    ProgressUpcoming => ("Kommande", "Upcoming"),
    ProgressRunning => ("Pågår", "Running"),
    ProgressDone => ("Klar", "Done"),
    ProgressSkipped => ("Hoppades över", "Skipped"),
    FollowChair => ("Följ ordföranden (visa punkten som ordföranden visar)", "Follow the chair (show the item the chair shows)"),
    // Justering
    ApproveAs => ("Justera som", "Approve as"),
    WaitingFor => ("Väntar på justering av:", "Waiting for approval by:"),
    MeetingNumber => ("Mötesnummer", "Meeting number"),
    UseNextNumber => ("Ge mötet nästa nummer:", "Give the meeting the next number:"),
    BadMeetingNumber => ("Mötesnumret ska vara ett heltal större än noll.", "The meeting number must be a whole number above zero."),
    DiaryNumber => ("Diarienummer", "Registration number (diarienummer)"),
    // Print and export
    BackToMeeting => ("Till mötet", "Back to the meeting"),
    Print => ("Skriv ut", "Print"),
    OutOfTheApp => ("Skriv ut och ladda ner", "Print and download"),
    PrintNotice => ("Kallelse (utskrift)", "Notice (print)"),
    PrintMinutes => ("Minnesanteckningar (utskrift)", "Minutes (print)"),
    DownloadNotice => ("Ladda ner kallelse (Markdown)", "Download notice (Markdown)"),
    DownloadMinutes => ("Ladda ner minnesanteckningar (Markdown)", "Download minutes (Markdown)"),
    AddToCalendar => ("Lägg i kalendern (.ics)", "Add to calendar (.ics)"),
    CalendarFileFailed => ("Kalenderfilen gick inte att göra:", "The calendar file could not be made:"),
    // Questions
    QuestionsRaised => ("Frågor som lyfts till rådet", "Questions raised to the council"),
    MeetingNotHereYet => ("Mötet finns inte på enheten än; vänta tills det har hämtats.", "The meeting is not on this device yet; wait until it has been fetched."),
    WriteTheQuestion => ("Skriv frågan först.", "Write the question first."),
    QuestionAdded => ("Frågan är tillagd.", "The question is added."),
    NoMeetingToTakeUp => ("Det finns inget möte att ta upp frågan på. Skapa ett möte först.", "There is no meeting to take the question up in. Create a meeting first."),
    QuestionTakenUp => ("Frågan står nu på dagordningen.", "The question is now on the agenda."),
    From => ("Från", "From"),
    OnTheAgendaOf => ("På dagordningen för", "On the agenda of"),
    QuestionClosed => ("Avslutad", "Closed"),
    QuestionWaiting => ("Väntar på att tas upp", "Waiting to be taken up"),
    TakeUpIn => ("Möte", "Meeting"),
    PutOnAgenda => ("Lägg på dagordningen", "Put on the agenda"),
    RaiseQuestion => ("Lyft en fråga", "Raise a question"),
    Question => ("Fråga", "Question"),
    AddQuestion => ("Lägg till frågan", "Add the question"),
    // Presence
    UnknownMember => ("Okänd medlem", "Unknown member"),
    IsEditingHere => ("skriver här", "is editing here"),
    AreEditingHere => ("skriver här", "are editing here"),
    MyName => ("Ditt namn", "Your name"),
    MyNameHelp => ("Visas för de andra när du skriver i en punkt.", "Shown to the others when you edit an item."),
    // Presence settings
    NameSaved => ("Namnet är sparat på enheten.", "The name is saved on this device."),
    // Reopenings
    ReopeningsHeading => ("Öppnat igen", "Reopened"),
    // Council setup (a council of its own).
    NoCouncilOpen => ("Inget råd är öppet. Välj eller skapa ett råd först.", "No council is open. Choose or create a council first."),
    NotStarted => ("Appen har inte startat färdigt. Ladda om sidan.", "The app has not finished starting. Reload the page."),
    CouncilUnavailable => ("Rådet finns varken på enheten eller på servern. Kontrollera länken eller be den som bjöd in dig om en ny.", "The council is neither on this device nor on the server. Check the link or ask whoever invited you for a new one."),
    FetchingCouncil => ("Hämtar rådet…", "Fetching the council…"),
    NextMeeting => ("Nästa möte", "Next meeting"),
    NoUpcomingMeeting => ("Inget möte är planerat framåt. Planera ett med ”Nytt möte”.", "No meeting is planned ahead. Plan one with “New meeting”."),
    CouncilSetup => ("Rådets uppgifter", "The council's setup"),
    CouncilDetailsAndRules => ("Uppgifter och mötesregler", "Details and meeting rules"),
    CouncilDetails => ("Uppgifter om rådet", "About the council"),
    Mandate => ("Uppdragshandling", "Mandate"),
    People => ("Personer", "People"),
    Roles => ("Roller", "Roles"),
    SwitchCouncil => ("Byt råd", "Switch council"),
    WelcomeHeading => ("Välkommen till Rådslag", "Welcome to Rådslag"),
    WelcomeText => ("Skapa rådets egen arbetsyta, gå med i ett råd någon har bjudit in dig till, eller prova demorådet.", "Create your council's own workspace, join a council someone invited you to, or try the demo council."),
    CouncilsOnThisDevice => ("Råd på den här enheten", "Councils on this device"),
    DemoCouncil => ("Demorådet (Fyrbodals e-råd)", "The demo council (Fyrbodals e-råd)"),
    UnnamedCouncil => ("Råd utan namn (hämtas)", "Council without a name (being fetched)"),
    OpenNow => ("öppet", "open"),
    OpenDemo => ("Öppna demorådet", "Open the demo council"),
    DemoHelp => ("Demorådet är Fyrbodals e-råd med två möten från 2019 och 2020. Det blandas aldrig med ert eget råd.", "The demo is Fyrbodals e-råd with two meetings from 2019 and 2020. It is never mixed with your own council."),
    CreateCouncil => ("Skapa ett råd", "Create a council"),
    CouncilName => ("Rådets namn", "The council's name"),
    CouncilOrganisation => ("Organisation som driver rådet", "Organisation running the council"),
    JoinCouncil => ("Gå med via inbjudan", "Join by invitation"),
    CouncilLink => ("Rådets länk", "The council's link"),
    CouncilLinkHelp => ("Klistra in länken du fick, t.ex. https://…/#/council/…", "Paste the link you were given, e.g. https://…/#/council/…"),
    NotACouncilLink => ("Det där är ingen länk till ett råd. Den ska sluta med #/council/ och rådets id.", "That is not a link to a council. It should end with #/council/ and the council's id."),
    ShareLinkHelp => ("Skicka länken till rådets medlemmar: den öppnar rådet i deras webbläsare.", "Send the link to the council's members: it opens the council in their browser."),
    StorageOnDevice => ("Lagring på enheten", "Storage on this device"),
    StoragePersistent => ("Webbläsaren har lovat att behålla rådets data på enheten tills du själv tar bort den.", "The browser has promised to keep the council's data on this device until you remove it."),
    StorageMayBeCleared => ("Webbläsaren kan rensa rådets data om enheten får ont om plats. Installera Rådslag som app eller tillåt beständig lagring i webbläsarens inställningar, och låt enheten synka med servern ofta.", "The browser may clear the council's data if the device runs short of space. Install Rådslag as an app or allow persistent storage in the browser's settings, and let the device sync with the server often."),
    StorageUnknown => ("Den här webbläsaren säger inte om den behåller datan. Låt enheten synka med servern ofta.", "This browser does not say whether it keeps the data. Let the device sync with the server often."),
    Backup => ("Säkerhetskopia", "Backup"),
    BackupHelp => ("Hela rådet – uppgifter, uppdragshandling, personer och alla möten med sin historik – som en fil. Den kan läsas in på en annan enhet och slås då ihop med det som redan finns där.", "The whole council – details, mandate, people and every meeting with its history – as one file. It can be imported on another device, where it is merged with what is already there."),
    ExportCouncil => ("Exportera rådet", "Export the council"),
    CouncilExported => ("Rådet är exporterat", "The council is exported"),
    ImportCouncil => ("Importera ett råd från fil", "Import a council from a file"),
    ImportCouncilHelp => ("Välj en säkerhetskopia (.radslag). Den slås ihop med det enheten redan har; inget skrivs över.", "Choose a backup (.radslag). It is merged with what the device already has; nothing is overwritten."),
    BackupFile => ("Säkerhetskopia (.radslag)", "Backup (.radslag)"),
    FileUnreadable => ("Filen gick inte att läsa. Välj den igen.", "The file could not be read. Choose it again."),
    SavedInCouncil => ("Sparat.", "Saved."),
    Commissioner => ("Uppdragsgivare", "Commissioner"),
    Recipient => ("Uppdragsmottagare", "Recipient"),
    Funder => ("Finansiär", "Funder"),
    PeriodStart => ("Perioden börjar", "Period starts"),
    PeriodEnd => ("Perioden slutar", "Period ends"),
    MeetingRulesHeading => ("Mötesregler", "Meeting rules"),
    MeetingRulesHelp => ("Planeringen av möten varnar utifrån de här reglerna.", "Meeting planning warns by these rules."),
    NoticeDays => ("Kallelse senast (dagar före mötet)", "Notice at the latest (days before the meeting)"),
    BeredningDays => ("Beredningsmöte (dagar före rådets möte)", "Preparatory meeting (days before the council's meeting)"),
    MeetingsPerYear => ("Rådets möten per år", "Council meetings a year"),
    DefaultPlace => ("Standardplats", "Default place"),
    DefaultVideoLink => ("Standardlänk till videomöte", "Default video link"),
    Municipality => ("Kommun", "Municipality"),
    OtherOrganisation => ("Annan organisation", "Other organisation"),
    OrganisationKindLabel => ("Typ", "Kind"),
    OrganisationsOfCouncil => ("Rådets organisationer", "The council's organisations"),
    NoOrganisationsYet => ("Inga organisationer ännu. Lägg till en nedan eller importera demorådets kommuner.", "No organisations yet. Add one below or import the demo's municipalities."),
    RowActions => ("Åtgärder", "Actions"),
    TotalMunicipalPopulation => ("Summa (kommuner)", "Total (municipalities)"),
    AddOrganisation => ("Lägg till organisation", "Add organisation"),
    Added => ("Lade till", "Added"),
    Imported => ("Importerade", "Imported"),
    MunicipalitiesCount => ("kommuner", "municipalities"),
    ImportMunicipalities => ("Importera demorådets 14 kommuner", "Import the demo's 14 municipalities"),
    ImportMunicipalitiesHelp => ("Fyrbodals fjorton kommuner med folkmängd. Kommuner som redan finns hoppas över.", "Fyrbodal's fourteen municipalities with population. Those already here are skipped."),
    RemovedOrganisations => ("Borttagna organisationer", "Removed organisations"),
    PeopleOfCouncil => ("Rådets personer", "The council's people"),
    NoPeopleYet => ("Inga personer ännu. Lägg till den första nedan.", "No people yet. Add the first below."),
    NoOrganisation => ("Ingen organisation", "No organisation"),
    Email => ("E-post", "E-mail"),
    Phone => ("Telefon", "Phone"),
    ThisIsMe => ("Det här är jag", "This is me"),
    AddPerson => ("Lägg till person", "Add person"),
    RemovedPeople => ("Borttagna personer", "Removed people"),
    PrintMandate => ("Skriv ut uppdragshandlingen", "Print the mandate"),
    Background => ("Bakgrund", "Background"),
    Scope => ("Avgränsning", "Scope"),
    MandateSummary => ("Sammanfattning av uppdraget", "Summary of the assignment"),
    AddLine => ("Lägg till rad", "Add line"),
    FollowUp => ("Uppföljning", "Follow-up"),
    DueDate => ("Datum", "Date"),
    ReportContents => ("Innehåll", "Contents"),
    AddReport => ("Lägg till rapport", "Add report"),
    ReportName => ("Rapportens namn", "Report name"),
    VersionHistory => ("Versionshistorik", "Version history"),
    Version => ("Version", "Version"),
    IssuedBy => ("Utfärdare", "Issued by"),
    ChangeReason => ("Förändringsorsak", "Reason for change"),
    AddVersion => ("Lägg till version", "Add version"),
    VersionAdded => ("Versionen är tillagd.", "The version is added."),
    PrintStaffingPlan => ("Skriv ut bemanningsplanen", "Print the staffing plan"),
    NoRolesYet => ("Inga roller ännu. Lägg till t.ex. Ordförande nedan.", "No roles yet. Add e.g. Ordförande below."),
    RoleTitle => ("Titel", "Title"),
    Seats => ("Antal platser", "Seats"),
    CoOpted => ("Adjungerad", "Co-opted"),
    Responsibilities => ("Ansvar", "Responsibilities"),
    Powers => ("Befogenheter", "Powers"),
    RemoveRole => ("Ta bort rollen", "Remove the role"),
    To => ("Till", "To"),
    GiveRoleTo => ("Ge rollen till", "Give the role to"),
    GiveRole => ("Bemanna", "Assign"),
    PickAPerson => ("Välj en person", "Choose a person"),
    AddRole => ("Lägg till roll", "Add role"),
    RemovedRoles => ("Borttagna roller", "Removed roles"),
    Back => ("Tillbaka", "Back"),
    // Workshop boards (workshoptavlor)
    Boards => ("Workshoptavlor", "Workshop boards"),
    NoBoardsYet => ("Inga workshoptavlor för mötet ännu.", "No workshop boards for this meeting yet."),
    NewBoard => ("Ny workshoptavla", "New workshop board"),
    BoardTemplate => ("Mall", "Template"),
    TemplateConsequences => ("Konsekvensanalys: konsekvenser, fördelar och nackdelar, tre av varje", "Consequence analysis: consequences, pros and cons, three of each"),
    TemplateRisks => ("Risker och andra åtgärder", "Risks and other actions"),
    TemplateBlank => ("Tom tavla", "Blank board"),
    BoardTitle => ("Rubrik", "Title"),
    CreateBoard => ("Skapa tavlan", "Create the board"),
    FetchingBoard => ("Hämtar tavlan…", "Fetching the board…"),
    BoardUnavailable => ("Tavlan finns varken på enheten eller på servern. Kontrollera länken.", "The board is neither on this device nor on the server. Check the link."),
    BoardModes => ("Tavlans lägen", "Board modes"),
    WriteMode => ("Skriv", "Write"),
    ReviewMode => ("Genomgång", "Review"),
    Exercise => ("Beskrivning", "Description"),
    Goal => ("Mål", "Goal"),
    Method => ("Metod", "Method"),
    YourGroup => ("Din grupp", "Your group"),
    WhoWrites => ("Vem som skriver", "Who is writing"),
    DownloadBoard => ("Ladda ner tavlan (Markdown)", "Download the board (Markdown)"),
    YourGroupHas => ("Din grupp:", "Your group:"),
    NoGroup => ("Ingen grupp", "No group"),
    YouAre => ("Du skriver som", "You write as"),
    GroupName => ("Ny grupps namn", "New group's name"),
    AddGroup => ("Lägg till grupp", "Add group"),
    GroupNameFirst => ("Skriv gruppens namn först.", "Write the group's name first."),
    BoardNameHelp => ("Ditt namn visas på dina lappar och räknar dina röster. Det sparas på enheten.", "Your name shows on your notes and counts your votes. It is kept on this device."),
    NameYourselfFirst => ("Skriv ditt namn först, så vet tavlan vem som skriver och röstar.", "Write your name first, so the board knows who writes and votes."),
    NotesUnder => ("Lappar", "Notes"),
    NewNote => ("Ny lapp", "New note"),
    AddNote => ("Lägg till lapp", "Add note"),
    AddAnyway => ("Lägg till ändå", "Add anyway"),
    NoteAddedUnder => ("Lappen lades till under", "The note was added under"),
    Note => ("Lapp", "Note"),
    Under => ("under", "under"),
    Vote => ("Rösta", "Vote"),
    Voted => ("Du röstade", "You voted"),
    TakeVoteBack => ("Ta tillbaka röst", "Take vote back"),
    VoteTakenBack => ("Rösten togs tillbaka", "Vote taken back"),
    MoveTo => ("Flytta till", "Move to"),
    MovedUp => ("flyttades upp", "moved up"),
    MovedDown => ("flyttades ned", "moved down"),
    NoteMovedTo => ("Lappen flyttades till", "The note was moved to"),
    NoteRemoved => ("Lappen togs bort.", "The note was removed."),
    Cluster => ("Rubrik", "Heading"),
    Unclustered => ("Utan rubrik", "No heading"),
    NoNotesYet => ("Inga lappar här ännu.", "No notes here yet."),
    PrivateStillOn => ("Privat läge är på: varje grupp ser bara sina egna lappar tills processledaren stänger av det.", "Private mode is on: each group sees only its own notes until the facilitator turns it off."),
    TimerHeading => ("Tid", "Time"),
    TimeLeft => ("kvar", "left"),
    TimerPaused => ("pausad", "paused"),
    TenSecondsLeft => ("Tio sekunder kvar.", "Ten seconds left."),
    TimeUp => ("Tiden är ute.", "Time is up."),
    StartTimer => ("Starta tiden", "Start the timer"),
    PauseTimer => ("Pausa", "Pause"),
    ExtendTimer => ("Förläng 5 min", "Add 5 min"),
    ResetTimer => ("Nollställ", "Reset"),
    Facilitator => ("Processledare", "Facilitator"),
    FacilitatorIs => ("Workshoppen leds av", "The workshop is run by"),
    NoFacilitatorYet => ("Ingen leder workshoppen ännu. Den som leder styr tiden, grupperna och röstningen.", "Nobody runs the workshop yet. Whoever runs it controls the timer, the groups and the voting."),
    IFacilitate => ("Jag leder workshoppen", "I run the workshop"),
    PrivateMode => ("Privat läge: grupperna ser bara sina egna lappar", "Private mode: groups see only their own notes"),
    LockBoard => ("Lås tavlan: lappar kan inte flyttas eller tas bort", "Lock the board: notes cannot be moved or removed"),
    AnonymousVotes => ("Visa bara antal röster, inte vem som röstat", "Show vote totals only, not who voted"),
    VoteLimit => ("Röster per person (0 = röstningen är stängd)", "Votes per person (0 = voting is closed)"),
    VoteLimitProblem => ("Skriv ett heltal från 0 till 99.", "Write a whole number from 0 to 99."),
    AddPrompt => ("Lägg till fråga", "Add prompt"),
    PromptTitle => ("Frågan", "The prompt"),
    PromptQuota => ("Antal lappar per grupp (valfritt)", "Notes per group (optional)"),
    PromptTitleFirst => ("Skriv frågan först.", "Write the prompt first."),
    QuotaProblem => ("Antalet ska vara ett heltal större än 0, eller tomt.", "The number must be a whole number above 0, or empty."),
    // Meeting modes (issue 13)
    MeetingModes => ("Mötets lägen", "Meeting modes"),
    ModePrepare => ("Förbered", "Prepare"),
    ModeDuring => ("Under mötet", "During the meeting"),
    ModeAfter => ("Efter", "After"),
    StepPrevious => ("Föregående", "Previous"),
    StepNext => ("Nästa", "Next"),
    Of => ("av", "of"),
    StepHelp => ("Byt punkt med knapparna, PageUp och PageDown (Alt+PageUp och Alt+PageDown i en textruta) eller genom att svepa.", "Change item with the buttons, PageUp and PageDown (Alt+PageUp and Alt+PageDown in a text field) or by swiping."),
    ChairShows => ("Ordföranden visar", "The chair shows"),
    ThenNext => ("Därefter", "Then"),
    DateFormat => ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
    BadDate => ("Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2019-04-04.", "Write the date as YYYY-MM-DD, for example 2019-04-04."),
    NoAgendaYet => ("Dagordningen är tom. Lägg till punkter under Förbered.", "The agenda is empty. Add items under Prepare."),
    // Action plan pages
    ActionPlan => ("Handlingsplan", "Action plan"),
    Portfolio => ("Portfölj", "Portfolio"),
    Initiatives => ("Insatser", "Initiatives"),
    Initiative => ("Insats", "Initiative"),
    InitiativesShown => ("insatser visas", "initiatives shown"),
    NoInitiativesYet => ("Inga insatser här ännu.", "No initiatives here yet."),
    FilterByFocusArea => ("Visa ämnesområde", "Show focus area"),
    AllFocusAreas => ("Alla ämnesområden", "All focus areas"),
    FilterByMunicipality => ("Visa kommun", "Show municipality"),
    AllMunicipalities => ("Alla kommuner", "All municipalities"),
    NewInitiative => ("Ny insats", "New initiative"),
    CreateInitiative => ("Skapa insatsen", "Create the initiative"),
    InitiativeName => ("Insatsens namn", "Name of the initiative"),
    FocusArea => ("Ämnesområde", "Focus area"),
    BackToActionPlan => ("Till handlingsplanen", "To the action plan"),
    FetchingInitiative => ("Hämtar insatsen…", "Fetching the initiative…"),
    InitiativeUnavailable => ("Insatsen finns inte på enheten och servern har den inte. Be den som skapade den att öppna appen med nätverk.", "The initiative is not on this device and the server does not have it. Ask whoever created it to open the app with a network."),
    InitiativeDetails => ("Uppgifter", "Details"),
    Phase => ("Fas", "Phase"),
    StartDate => ("Start", "Start"),
    End => ("Slut", "End"),
    Overview => ("Projektöversikt", "Project overview"),
    InitiativeScope => ("Omfattning", "Scope"),
    ProjectGoals => ("Projektmål", "Project goals"),
    ShortTermBenefits => ("Kortsiktig nytta", "Short-term benefits"),
    LongTermBenefits => ("Långsiktig nytta", "Long-term benefits"),
    Deliverables => ("Leverabler", "Deliverables"),
    NoDeliverablesYet => ("Inga leverabler ännu.", "No deliverables yet."),
    DeliverableName => ("Leverabel", "Deliverable"),
    DeliverableStatus => ("Status för", "Status of"),
    DueBy => ("Klar senast", "Due by"),
    NewDeliverable => ("Ny leverabel", "New deliverable"),
    AddDeliverable => ("Lägg till leverabel", "Add deliverable"),
    ParticipatingMunicipalities => ("Deltagande kommuner", "Participating municipalities"),
    MapComesLater => ("En karta över kommunerna kommer senare; listan gör samma sak.", "A map of the municipalities comes later; the list does the same."),
    Groups => ("Grupper", "Groups"),
    SteeringGroup => ("Styrgrupp", "Steering group"),
    ProjectGroup => ("Projektgrupp", "Project group"),
    OtherGroup => ("Annan grupp", "Other group"),
    GroupKind => ("Typ av grupp", "Kind of group"),
    NewGroup => ("Ny grupp", "New group"),
    RemoveGroup => ("Ta bort gruppen", "Remove the group"),
    AddMemberTo => ("Ny medlem i", "New member of"),
    AddMember => ("Lägg till medlem", "Add member"),
    ChoosePerson => ("Välj person", "Choose a person"),
    ChoosePersonFirst => ("Välj först en person i listan.", "Choose a person in the list first."),
    StatusReport => ("Statusrapport", "Status report"),
    NoStatusYet => ("Ingen statusrapport ännu", "No status report yet"),
    Period => ("Period", "Period"),
    EarlierPeriods => ("Tidigare perioder", "Earlier periods"),
    Nothing => ("Inget.", "Nothing."),
    StatusCompleted => ("Slutförda aktiviteter under perioden", "Activities completed in the period"),
    StatusOngoing => ("Pågående aktiviteter", "Ongoing activities"),
    StatusProblems => ("Aktuella problemställningar", "Current issues"),
    StatusUpcoming => ("Kommande aktiviteter", "Upcoming activities"),
    NewPeriod => ("Ny period", "New period"),
    NewPeriodHelp => ("Pågående och kommande aktiviteter följer med till den nya perioden; den nuvarande perioden sparas som den är.", "Ongoing and upcoming activities carry over to the new period; the current period is kept as it is."),
    StatusPeriodStart => ("Periodens start", "Start of the period"),
    StatusPeriodEnd => ("Periodens slut (valfritt)", "End of the period (optional)"),
    StartPeriod => ("Starta perioden", "Start the period"),
    LatestStatus => ("Senaste status", "Latest status"),
    OpenProblems => ("Öppna problem", "Open issues"),
    DeliverablesDone => ("Leverabler klara", "Deliverables done"),
    NextDue => ("Nästa slutdatum", "Next due date"),
    Risks => ("Riskanalys", "Risk analysis"),
    RiskMatrix => ("Riskmatris", "Risk matrix"),
    RiskMatrixHelp => ("Sannolikhet uppifrån (5 högst), konsekvens från vänster (5 störst). Varje ruta säger sin nivå och vilka risker som ligger där; välj en risk för att gå till den.", "Probability from the top (5 highest), consequence from the left (5 largest). Each cell says its level and which risks lie there; choose a risk to go to it."),
    Probability => ("Sannolikhet", "Probability"),
    Consequence => ("Konsekvens", "Consequence"),
    UnnamedRisk => ("Risk utan hot", "Risk without a threat"),
    RiskList => ("Risker", "Risks"),
    NoRisksYet => ("Inga risker ännu.", "No risks yet."),
    Threat => ("Hot", "Threat"),
    Vulnerability => ("Sårbarhet", "Vulnerability"),
    RiskConsequence => ("Konsekvens om det inträffar", "Consequence if it happens"),
    RiskLevel => ("Risknivå", "Risk level"),
    RiskOwner => ("Ägare", "Owner"),
    NoOwner => ("Ingen ägare", "No owner"),
    Measures => ("Skyddsåtgärder", "Measures"),
    Measure => ("Åtgärd", "Measure"),
    AddMeasure => ("Lägg till åtgärd", "Add measure"),
    RemoveRisk => ("Ta bort risken", "Remove the risk"),
    ThreatFirst => ("Skriv hotet först.", "Write the threat first."),
    NewRisk => ("Ny risk", "New risk"),
    AddRisk => ("Lägg till risk", "Add risk"),
    CommunicationPlan => ("Kommunikationsplan", "Communication plan"),
    NoCommunicationPlan => ("Rådet har ingen kommunikationsplan ännu.", "The council has no communication plan yet."),
    CommunicationPurpose => ("Syfte och bakgrund", "Purpose and background"),
    TargetGroups => ("Målgrupper", "Target groups"),
    Internal => ("intern", "internal"),
    External => ("extern", "external"),
    CommunicationGoals => ("Kommunikationsmål", "Communication goals"),
    Target => ("mål", "target"),
    MeasuredBy => ("Mäts genom", "Measured by"),
    Messages => ("Budskap", "Messages"),
    Message => ("Budskap", "Message"),
    AddMessage => ("Lägg till budskap", "Add message"),
    Channels => ("Kanaler", "Channels"),
    ComingActivities => ("Kommande aktiviteter", "Coming activities"),
    NoComingActivities => ("Inga kommande aktiviteter.", "No coming activities."),
    EarlierActivities => ("Tidigare aktiviteter", "Earlier activities"),
    NoDateYet => ("Inget datum ännu", "No date yet"),
    ActivityStatus => ("Status", "Status"),
    ActivityPlanned => ("Planerad", "Planned"),
    ActivityOngoing => ("Pågående", "Ongoing"),
    ActivityDone => ("Genomförd", "Done"),
    ActivityCancelled => ("Inställd", "Cancelled"),
    NewActivity => ("Ny aktivitet", "New activity"),
    ActivityName => ("Aktivitet", "Activity"),
    AddActivity => ("Lägg till aktivitet", "Add activity"),
    CostSplit => ("Kostnadsfördelning", "Cost split"),
    SplitASum => ("Fördela en summa efter folkmängd", "Split a sum by population"),
    SplitOver => ("Fördela över", "Split over"),
    SumInKronor => ("Summa i kronor", "Sum in kronor"),
    Share => ("Andel", "Share"),
    Cost => ("Kostnad", "Cost"),
    CheckPastedSplit => ("Kontrollera en inklistrad fördelning", "Check a pasted split"),
    CheckPastedSplitHelp => ("Klistra in en tabell med kommun, folkmängd, andel och kostnad (från Word eller ett kalkylark); varje rad som inte stämmer med en fördelning efter folkmängd visas med sitt radnummer.", "Paste a table of municipality, population, share and cost (from Word or a spreadsheet); every row that disagrees with a split by population is shown with its line number."),
    PastedTable => ("Inklistrad tabell", "Pasted table"),
    SplitAgrees => ("Tabellen stämmer med en fördelning efter folkmängd.", "The table agrees with a split by population."),
    Disagreements => ("avvikelser:", "disagreements:"),
}

/// What the problem list says when damaged pieces of a document were skipped on load.
pub fn damaged_pieces(lang: Lang, n: usize) -> String {
    lang.pick(
        format!(
            "{n} skadade del(ar) av ett dokument gick inte att läsa på enheten och hoppades över; \
             resten är intakt, och servern har kvar sin kopia."
        ),
        format!(
            "{n} damaged piece(s) of a document could not be read on this device and were skipped; \
             the rest is intact, and the server still has its copy."
        ),
    )
}

/// The text for `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Sv => sv(key),
        Lang::En => en(key),
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
