//! The `radslag-relay` binary: parses the command line, sets up logging, listens, and shuts
//! down gracefully on SIGTERM or Ctrl-C. Everything else lives in the library.
//!
//! Stdout carries one line, `listening on http://ADDR`, printed once the socket is bound (after
//! the journal is replayed), so whoever started the relay with `--listen 127.0.0.1:0` learns
//! the port it got. The logs go to stderr.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use radslag_relay::{serve, AppState, Config, Limits, RelayError};
use tokio::sync::Notify;
use tracing_subscriber::EnvFilter;

/// How long shutdown may take to close connections and save documents before the process exits.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// The Rådslag relay: stores council documents and syncs them between members.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Address to listen on. Port 0 picks a free port; either way the relay prints
    /// `listening on http://ADDR` on stdout once it accepts connections.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: String,
    /// Folder the documents are stored in (created if missing).
    #[arg(long)]
    data: PathBuf,
    /// Folder with the built app to serve (e.g. trunk's dist/).
    #[arg(long = "static")]
    static_dir: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> ExitCode {
    // automerge opens an INFO span per change it loads whose fields include the whole change
    // graph, formatted on every sync message: that alone was a third of the relay's latency.
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,automerge=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
    match run(Args::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), RelayError> {
    let state = AppState::new(Config { data_dir: args.data.clone(), static_dir: args.static_dir, limits: Limits::default() })?;
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .map_err(|source| RelayError::Listen { addr: args.listen.clone(), source })?;
    let addr = listener.local_addr().map_err(|source| RelayError::Listen { addr: args.listen.clone(), source })?;
    tracing::info!("listening on {addr}, storing documents in {}", args.data.display());
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
