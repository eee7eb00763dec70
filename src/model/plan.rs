//! The action plan (handlingsplan): initiatives with deliverables, indicators, groups and status
//! reports; risks, budget lines and cost splits; the communication plan; delrapport/slutrapport.
//!
//! Pure like the rest of `model`: documents hydrate into these types (see `doc::plan`), and the
//! rules here (cost split, period roll-over, risk matrix, report assembly) need no document.
//! Every list whose items have an identity is a map keyed by id with an order key per item
//! (`model::keyed`), so concurrent additions, reorders and edits all survive a merge.

/// Implements [`crate::model::keyed::Keyed`] for a struct with `id` and `position` fields.
macro_rules! keyed_by {
    ($t:ty, $id:ty) => {
        impl $crate::model::keyed::Keyed for $t {
            type Id = $id;
            fn id(&self) -> &$id {
                &self.id
            }
            fn position(&self) -> &str {
                &self.position
            }
        }
    };
}

pub mod communication;
pub mod cost_split;
pub mod error;
pub mod initiative;
pub mod line;
pub mod money;
pub mod report;
pub mod risk;
pub mod status_report;

pub use communication::{
    ActivityStatus, Audience, Channel, CommunicationActivity, CommunicationGoal, CommunicationPlan, Message, Priority,
    TargetGroup,
};
pub use cost_split::{CostSplit, PastedSplit, Share, Shareholder, SplitCheck};
pub use error::{PlanError, RowReason};
pub use initiative::{
    ActionPlan, Deliverable, DeliverableStatus, EffectIndicator, Group, GroupKind, GroupMember, Initiative,
    InitiativeLink, Measurement, Phase,
};
pub use line::Line;
pub use money::{BenefitRange, BenefitUnit, BudgetLine, EconomicBenefit};
pub use report::{PlanReport, ReportDocument, ReportKind};
pub use risk::{Risk, RiskLevel, RiskMatrix};
pub use status_report::{StatusList, StatusReport};
