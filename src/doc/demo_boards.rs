//! The demo council's two workshop boards, from seed 001's workshop at the 2020-09-10 meeting:
//! the consequence analysis and the roadmap (färdplan), built as deterministically as the rest
//! of the demo (fixed ids, actor and time).

use automerge::{ActorId, AutoCommit};
use autosurgeon::Text;
use radslag_protocol::DocumentId;

use super::demo::{meeting_id, DEMO_ACTOR, DEMO_TIME};
use super::{board, council, DocError};
use crate::model::board::{new_board, Group, Template};
use crate::model::{position, BoardLink, DocUrl, GroupId, PromptId};

/// A demo board's document id, derived from its key.
pub fn board_id(key: &str) -> DocumentId {
    let ns = uuid::Uuid::from_bytes(*b"radslag:demo:brd");
    DocumentId::from_bytes(uuid::Uuid::new_v5(&ns, key.as_bytes()).into_bytes())
}

/// One demo board document.
pub struct DemoBoard {
    pub key: &'static str,
    pub title: String,
    pub doc: AutoCommit,
}

/// The meeting the demo boards belong to.
const MEETING: &str = "2020-09-10";

struct Exercise {
    key: &'static str,
    template: Template,
    title: &'static str,
    exercise: &'static str,
    goal: &'static str,
    prompts: &'static [(&'static str, Option<u32>)],
}

const EXERCISES: [Exercise; 2] = [
    Exercise {
        key: "konsekvensanalys",
        template: Template::ConsequenceAnalysis,
        title: "Konsekvensanalys",
        exercise: "Ni kommer delas in i grupper och ansluta till nya möten där ni diskuterar vad ni ser för konsekvenser med den nya avtalet och vad ni ser för fördelar och nackdelar med delregional samverkan.\n\nNi skriver sedan ner\n- Tre konsekvenser som ni tycker är viktiga att lyfta till kommundirektörerna\n- Tre fördelar med delregional samverkan\n- Tre nackdelar med delregional samverkan\n\nEfter 20 min återansluter ni till E-rådsmötet där ni föredrar era tankar.",
        goal: "Att vi utifrån konsekvensanalysen tydliggör om vi behöver en delregional samverkan utifrån de ramar vi har idag",
        prompts: &[
            ("Tre konsekvenser som ni tycker är viktiga att lyfta till kommundirektörerna", Some(3)),
            ("Tre fördelar med delregional samverkan", Some(3)),
            ("Tre nackdelar med delregional samverkan", Some(3)),
        ],
    },
    Exercise {
        key: "fardplan",
        template: Template::RisksAndActions,
        title: "Workshop – Färdplan",
        exercise: "Ni återansluter till gruppmötet där ni diskuterar förslaget på färdplan.\n\n- Vad ser ni för risker med förslaget?\n- Finns det andra åtgärder som kan vara relevanta att lyfta till e-rådet?\n\nEfter 20 min återansluter ni till E-rådsmötet där ni föredrar era tankar.",
        goal: "Att vi identifierar alla de aktiviteter som ska genomföras fram till årsskiftet",
        prompts: &[
            ("Vad ser ni för risker med förslaget?", None),
            ("Finns det andra åtgärder som kan vara relevanta att lyfta till e-rådet?", None),
        ],
    },
];

/// The demo's boards, each in its own document.
pub fn demo_boards() -> Vec<DemoBoard> {
    EXERCISES
        .iter()
        .map(|e| {
            let ids = e.prompts.iter().map(|(title, _)| PromptId::derived(&format!("demo/board/{}/prompt/{title}", e.key)));
            let mut b = new_board(e.template, e.title, Some(meeting_id(MEETING).url()), ids);
            for (p, (title, quota)) in b.prompts.iter_mut().zip(e.prompts) {
                p.title = (*title).into();
                p.quota = *quota;
            }
            b.exercise = Text::with_value(e.exercise);
            b.goal = Text::with_value(e.goal);
            b.groups = ["Grupp 1", "Grupp 2", "Grupp 3"]
                .iter()
                .zip(position::spread(3))
                .map(|(name, position)| Group { id: GroupId::derived(&format!("demo/board/{}/group/{name}", e.key)), position, name: (*name).into(), members: Vec::new() })
                .collect();
            let mut doc = AutoCommit::new().with_actor(ActorId::from(DEMO_ACTOR));
            // Constant data into an empty document cannot fail short of a bug, which the tests catch.
            board::create_board(&mut doc, &b, DEMO_TIME).expect("demo board reconciles");
            DemoBoard { key: e.key, title: b.title, doc }
        })
        .collect()
}

/// Links the demo boards from the demo root, with their derived ids.
pub fn link_boards(root: &mut AutoCommit, boards: &[DemoBoard]) -> Result<(), DocError> {
    for b in boards {
        let link = BoardLink { url: DocUrl(board_id(b.key).url()), title: b.title.clone(), meeting: Some(DocUrl(meeting_id(MEETING).url())) };
        council::add_board_link(root, link, DEMO_TIME)?;
    }
    Ok(())
}
