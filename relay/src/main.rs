//! The `radslag-relay` binary: parses the command line, sets up logging, listens, and shuts
//! down gracefully on SIGTERM or Ctrl-C; or, as `radslag-relay admin …`, runs one command on
//! the access file ([`radslag_relay::admin`]). Everything else lives in the library.
//!
//! Stdout carries one line, `listening on http://ADDR`, printed once the socket is bound (after
//! the journal is replayed), so whoever started the relay with `--listen 127.0.0.1:0` learns
//! the port it got. The logs go to stderr.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use radslag_relay::admin::AdminArgs;
use radslag_relay::{serve, AccessMode, AppState, Config, Limits, RelayError};
use tokio::sync::Notify;
use tracing_subscriber::EnvFilter;

/// How long shutdown may take to close connections and save documents before the process exits.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// The Rådslag relay: stores council documents and syncs them between members.
///
/// Serving is `radslag-relay --data DIR [--listen ADDR] [--static DIR]`; `radslag-relay admin
/// --help` lists the commands that manage councils, invitations and devices.
#[derive(Parser, Debug)]
#[command(version, args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
struct Args {
    /// Address to listen on. Port 0 picks a free port; either way the relay prints
    /// `listening on http://ADDR` on stdout once it accepts connections.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: String,
    /// Folder the documents (and the access rules, access.json) are stored in (created if missing).
    #[arg(long, required = true)]
    data: Option<PathBuf>,
    /// Folder with the built app to serve (e.g. trunk's dist/).
    #[arg(long = "static")]
    static_dir: Option<PathBuf>,
    /// Lets anyone who reaches the relay read and write every document, without a credential:
    /// for development and tests only.
    #[arg(long)]
    open: bool,
    /// A browser origin (e.g. https://app.example.org) whose pages may sync, besides the
    /// relay's own; repeatable.
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    allow_origin: Vec<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Manage councils, invitations and devices in a data folder (also while a relay runs on it).
    Admin(AdminArgs),
}

#[tokio::main]
async fn main() -> ExitCode {
    // automerge opens an INFO span per change it loads whose fields include the whole change
    // graph, formatted on every sync message: that alone was a third of the relay's latency.
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,automerge=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
    let args = Args::parse();
    if let Some(Command::Admin(admin)) = args.command {
        return run_admin(admin);
    }
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run_admin(args: AdminArgs) -> ExitCode {
    use std::io::Write;
    match radslag_relay::admin::run(args) {
        Ok(text) => {
            // The text may hold an invitation link: it goes to stdout, never to the log.
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("could not print the result: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), RelayError> {
    // clap requires --data when no subcommand is given.
    let data = args.data.unwrap_or_default();
    let access = if args.open { AccessMode::Open } else { AccessMode::Enforced };
    if args.open {
        tracing::warn!("--open: anyone who reaches this relay reads and writes every document, without a credential; never use it with real council data");
        match radslag_relay::access::file::AccessFile::new(&data).load() {
            Ok(rules) if !rules.councils.is_empty() => {
                tracing::warn!("--open ignores the access rules of the {} councils in {}", rules.councils.len(), data.join("access.json").display())
            }
            _ => {}
        }
    }
    let config = Config { data_dir: data.clone(), static_dir: args.static_dir, limits: Limits::default(), access, allowed_origins: args.allow_origin };
    let state = AppState::new(config)?;
    if !args.open {
        let rules = state.access().snapshot();
        if rules.councils.is_empty() {
            tracing::warn!("no councils yet, so nobody can sync: `radslag-relay admin --data {} council-create --name NAME` makes one", data.display());
        } else {
            tracing::info!("access control on: {} councils, {} devices", rules.councils.len(), rules.devices.values().filter(|d| !d.revoked).count());
        }
    }
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .map_err(|source| RelayError::Listen { addr: args.listen.clone(), source })?;
    let addr = listener.local_addr().map_err(|source| RelayError::Listen { addr: args.listen.clone(), source })?;
    tracing::info!("listening on {addr}, storing documents in {}", data.display());
    announce(addr);
    let signalled = Arc::new(Notify::new());
    let notify = signalled.clone();
    let shutdown = async move {
        shutdown_signal().await;
        notify.notify_one();
    };
    tokio::select! {
        result = serve(listener, state, shutdown) => result,
        _ = async { signalled.notified().await; tokio::time::sleep(SHUTDOWN_GRACE).await } => {
            tracing::error!("shutdown took longer than {} s; exiting without waiting further", SHUTDOWN_GRACE.as_secs());
            Ok(())
        }
    }
}

/// Prints the one stdout line (see the module docs). A closed stdout does not stop the relay.
fn announce(addr: std::net::SocketAddr) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "listening on http://{addr}").and_then(|()| out.flush()) {
        tracing::warn!("could not print the address to stdout: {e}");
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => tracing::info!("Ctrl-C received"),
        _ = terminate => tracing::info!("SIGTERM received"),
    }
}
