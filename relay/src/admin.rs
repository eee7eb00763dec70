//! `radslag-relay admin …`: councils, invitations and devices managed from the command line, on
//! the data folder's access file, whether or not a relay is running on it (a running relay
//! notices the change within a second). Each command returns the text it prints.

use std::fmt::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use radslag_protocol::DocumentId;

use crate::access::file::{AccessFile, AccessFileError};
use crate::access::{now, prepare_invitation, secret, AccessData, ChangeError, Role, Timestamp};

/// How long the first admin invitation of a new council stays valid.
const FIRST_INVITATION_DAYS: u32 = 7;

#[derive(Debug, Args)]
pub struct AdminArgs {
    /// The relay's data folder (the one given to the relay with --data).
    #[arg(long)]
    pub data: PathBuf,
    /// Where members open the app; invitation links start with it.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    pub base_url: String,
    #[command(subcommand)]
    pub command: AdminCommand,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Registers a council and prints its first admin invitation link (one use, 7 days).
    CouncilCreate {
        /// The council's name, as the administrator knows it.
        #[arg(long)]
        name: String,
        /// The council's root document id, for a council that exists in the app already;
        /// without it a new id is made.
        #[arg(long)]
        id: Option<String>,
    },
    /// Lists the councils: id, name, members.
    CouncilList,
    /// Makes an invitation to a council and prints its link.
    Invite {
        /// The council's id (see council-list).
        #[arg(long)]
        council: String,
        /// What devices that join with it may do: reader, editor or admin.
        #[arg(long)]
        role: Role,
        /// Days the invitation stays valid.
        #[arg(long, default_value_t = 7)]
        days: u32,
        /// How many devices may join with it; without it, any number until it expires.
        #[arg(long)]
        uses: Option<u32>,
        /// A note for the list, e.g. who it was sent to.
        #[arg(long)]
        label: Option<String>,
    },
    /// Lists a council's invitations (never their secrets).
    Invitations {
        #[arg(long)]
        council: String,
    },
    /// Withdraws an invitation: nobody can join with it any more.
    RevokeInvitation {
        /// The invitation's id (see invitations).
        id: String,
    },
    /// Lists a council's devices.
    Devices {
        #[arg(long)]
        council: String,
    },
    /// Revokes a device: its credential stops working and its open connections close.
    RevokeDevice {
        /// The device's id (see devices).
        id: String,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error(transparent)]
    File(#[from] AccessFileError),
    #[error(transparent)]
    Change(#[from] ChangeError),
    #[error(transparent)]
    Random(#[from] secret::NoRandomness),
    #[error("{0}")]
    Usage(String),
}

/// Runs one admin command; the text is what to print on stdout.
pub fn run(args: AdminArgs) -> Result<String, AdminError> {
    let file = AccessFile::new(&args.data);
    let base = args.base_url.trim_end_matches('/').to_string();
    let link = |council: &str, secret: &str| format!("{base}/#/join/{council}/{secret}");
    let mut out = String::new();
    match args.command {
        AdminCommand::CouncilCreate { name, id } => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err(AdminError::Usage("--name is empty: give the council's name".into()));
            }
            let id = match id {
                Some(id) => DocumentId::parse(&id).map_err(|e| AdminError::Usage(format!("--id is not a document id: {e}")))?,
                None => DocumentId::from_bytes(secret::new_document_bytes()?),
            }
            .to_string();
            let t = now();
            let (invitation, secret) = prepare_invitation(&id, Role::Admin, FIRST_INVITATION_DAYS, Some(1), Some("first admin".into()), t)?;
            let expires = invitation.expires;
            update(&file, |data| {
                data.create_council(&id, &name, t)?;
                data.invite(invitation, t)?;
                Ok(())
            })?;
            let _ = writeln!(out, "council {id} \"{name}\" created");
            let _ = writeln!(out, "its first admin invitation (one device, until {}):", date(expires));
            let _ = writeln!(out, "{}", link(&id, &secret));
        }
        AdminCommand::CouncilList => {
            let data = file.load()?;
            if data.councils.is_empty() {
                let _ = writeln!(out, "no councils yet: `radslag-relay admin --data DIR council-create --name NAME` makes one");
            }
            for c in data.councils.values() {
                let devices = data.devices_of(&c.id).filter(|d| !d.revoked).count();
                let _ = writeln!(out, "{}  {}  ({devices} devices, since {})", c.id, c.name, date(c.created));
            }
        }
        AdminCommand::Invite { council, role, days, uses, label } => {
            if days == 0 || uses == Some(0) {
                return Err(AdminError::Usage("--days and --uses must be at least 1".into()));
            }
            let t = now();
            let (invitation, secret) = prepare_invitation(&council, role, days, uses, label, t)?;
            let (id, expires) = (invitation.id.clone(), invitation.expires);
            update(&file, |data| data.invite(invitation, t).map(|_| ()))?;
            let uses = uses.map_or("any number of devices".to_string(), |n| format!("{n} device{}", if n == 1 { "" } else { "s" }));
            let _ = writeln!(out, "invitation {id} as {} for {uses}, until {}:", role.as_str(), date(expires));
            let _ = writeln!(out, "{}", link(&council, &secret));
        }
        AdminCommand::Invitations { council } => {
            let data = loaded_council(&file, &council)?;
            let t = now();
            for i in data.invitations_of(&council) {
                let state = if i.revoked {
                    "revoked".to_string()
                } else if t >= i.expires {
                    "expired".to_string()
                } else {
                    match i.uses_left {
                        Some(0) => "used up".to_string(),
                        Some(1) => "1 use left".to_string(),
                        Some(n) => format!("{n} uses left"),
                        None => "any number of uses".to_string(),
                    }
                };
                let label = i.label.as_deref().map(|l| format!("  \"{l}\"")).unwrap_or_default();
                let _ = writeln!(out, "{}  {:<6}  until {}  {state}{label}", i.id, i.role.as_str(), date(i.expires));
            }
        }
        AdminCommand::RevokeInvitation { id } => {
            update(&file, |data| {
                let council = data.council_of(&id).map(str::to_string).ok_or_else(|| ChangeError::NoInvitation(id.clone()))?;
                data.revoke_invitation(&council, &id)
            })?;
            let _ = writeln!(out, "invitation {id} revoked");
        }
        AdminCommand::Devices { council } => {
            let data = loaded_council(&file, &council)?;
            for d in data.devices_of(&council) {
                let state = if d.revoked { "  revoked" } else { "" };
                let _ = writeln!(out, "{}  {:<6}  {}  ({})  last seen {}{state}", d.id, d.role.as_str(), d.name, d.organisation, date(d.last_seen));
            }
        }
        AdminCommand::RevokeDevice { id } => {
            update(&file, |data| {
                let council = data.council_of(&id).map(str::to_string).ok_or_else(|| ChangeError::NoDevice(id.clone()))?;
                data.revoke_device(&council, &id)
            })?;
            let _ = writeln!(out, "device {id} revoked; a relay running on this folder closes its connections within a second");
        }
    }
    Ok(out)
}

/// Applies `change` under the file's lock; stores nothing when it fails.
fn update<T>(file: &AccessFile, change: impl FnOnce(&mut AccessData) -> Result<T, ChangeError>) -> Result<T, AdminError> {
    let mut outcome = None;
    file.update(|data| {
        let mut draft = data.clone();
        match change(&mut draft) {
            Ok(value) => {
                *data = draft;
                outcome = Some(Ok(value));
            }
            Err(e) => outcome = Some(Err(e)),
        }
    })?;
    match outcome {
        Some(result) => Ok(result?),
        None => Err(AdminError::Usage("the change did not run".into())),
    }
}

fn loaded_council(file: &AccessFile, council: &str) -> Result<AccessData, AdminError> {
    let data = file.load()?;
    if !data.councils.contains_key(council) {
        return Err(ChangeError::NoCouncil(council.into()).into());
    }
    Ok(data)
}

/// `2026-12-10 14:05 UTC`, from seconds since the epoch (days to a civil date: the proleptic
/// Gregorian calendar, counted from 0000-03-01 so leap days fall at the end of a year).
pub fn date(t: Timestamp) -> String {
    let days = (t / 86_400) as i64;
    let (hour, minute) = ((t % 86_400) / 3600, (t % 3600) / 60);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

#[cfg(test)]
mod tests {
    use super::date;

    #[test]
    fn dates_read_as_the_calendar_does() {
        assert_eq!(date(0), "1970-01-01 00:00 UTC");
        assert_eq!(date(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(date(1_796_300_700), "2026-12-03 12:25 UTC");
    }
}
