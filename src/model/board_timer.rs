//! The workshop board's shared timer (gemensam tidtagning): stored as a length, a start time and
//! the time already run, never as ticks, so every tablet computes the same remaining time from
//! the document, also after a reload, a reconnect or while offline.
//!
//! Times are milliseconds on the board's clock: the relay's clock as each device estimates it
//! (see `sync::board_clock`), so tablets whose own clocks differ still agree.

use autosurgeon::{Hydrate, Reconcile};

/// The shared timer of a board.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hydrate, Reconcile)]
pub struct BoardTimer {
    /// How long the exercise runs in all, extensions included (ms).
    pub length_ms: i64,
    /// When the timer was last started or resumed; `None` while paused or stopped.
    pub started_at_ms: Option<i64>,
    /// Time already run before the last start (ms); what pausing keeps.
    pub run_before_ms: i64,
}

/// What the timer shows at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerState {
    /// Not started yet, or stopped: the whole length is left.
    Ready { left_ms: i64 },
    Running { left_ms: i64 },
    Paused { left_ms: i64 },
    /// Time is up (tiden är ute).
    Ended,
}

impl TimerState {
    /// Milliseconds left (0 once ended).
    pub fn left_ms(self) -> i64 {
        match self {
            TimerState::Ready { left_ms } | TimerState::Running { left_ms } | TimerState::Paused { left_ms } => left_ms,
            TimerState::Ended => 0,
        }
    }

    /// The last ten seconds are shown clearly.
    pub fn is_final_seconds(self) -> bool {
        matches!(self, TimerState::Running { left_ms } if left_ms <= 10_000)
    }
}

impl BoardTimer {
    pub fn new(length_ms: i64) -> Self {
        BoardTimer { length_ms: length_ms.max(0), started_at_ms: None, run_before_ms: 0 }
    }

    /// Time run so far at `now`.
    pub fn run_ms(&self, now: i64) -> i64 {
        // A start time ahead of `now` (a clock estimate that moved back) counts as just started.
        self.run_before_ms + self.started_at_ms.map_or(0, |s| (now - s).max(0))
    }

    pub fn state(&self, now: i64) -> TimerState {
        let left = self.length_ms - self.run_ms(now);
        match self.started_at_ms {
            _ if left <= 0 && (self.started_at_ms.is_some() || self.run_before_ms > 0) => TimerState::Ended,
            Some(_) => TimerState::Running { left_ms: left },
            None if self.run_before_ms > 0 => TimerState::Paused { left_ms: left },
            None => TimerState::Ready { left_ms: left.max(0) },
        }
    }

    /// Starts, or resumes after a pause. Starting a running timer changes nothing.
    pub fn start(&mut self, now: i64) {
        if self.started_at_ms.is_none() {
            self.started_at_ms = Some(now);
        }
    }

    /// Pauses, keeping the time run.
    pub fn pause(&mut self, now: i64) {
        if self.started_at_ms.is_some() {
            self.run_before_ms = self.run_ms(now).min(self.length_ms.max(self.run_before_ms));
            self.started_at_ms = None;
        }
    }

    /// Gives more time; after the end, the timer runs on from where it stopped.
    pub fn extend(&mut self, by_ms: i64, now: i64) {
        if self.state(now) == TimerState::Ended {
            // Time run past the end is not owed: continue from the end.
            self.run_before_ms = self.length_ms;
            self.started_at_ms = Some(now);
        }
        self.length_ms += by_ms.max(0);
    }

    /// Stops and resets to the whole length.
    pub fn stop(&mut self) {
        self.started_at_ms = None;
        self.run_before_ms = 0;
    }
}

/// `m:ss` for the timer's display and its spoken text.
pub fn format_left(ms: i64) -> String {
    // Round up: "0:01" until the very end, never "0:00" while time is left.
    let secs = (ms.max(0) + 999) / 1000;
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;

    #[test]
    fn runs_pauses_resumes_and_ends() {
        let mut t = BoardTimer::new(20 * MIN);
        assert_eq!(t.state(0), TimerState::Ready { left_ms: 20 * MIN });
        t.start(1_000);
        assert_eq!(t.state(1_000 + 5 * MIN), TimerState::Running { left_ms: 15 * MIN });
        t.pause(1_000 + 5 * MIN);
        // A paused timer stands still however long the pause.
        assert_eq!(t.state(1_000 + 60 * MIN), TimerState::Paused { left_ms: 15 * MIN });
        t.start(100 * MIN);
        assert_eq!(t.state(110 * MIN), TimerState::Running { left_ms: 5 * MIN });
        assert_eq!(t.state(115 * MIN), TimerState::Ended);
        assert_eq!(t.state(200 * MIN).left_ms(), 0);
    }

    #[test]
    fn a_reload_reads_the_same_remaining_time_from_the_stored_fields() {
        let mut t = BoardTimer::new(20 * MIN);
        t.start(0);
        let reloaded = t.clone();
        assert_eq!(reloaded.state(7 * MIN + 500), t.state(7 * MIN + 500));
        assert_eq!(format_left(reloaded.state(7 * MIN + 500).left_ms()), "13:00");
    }

    #[test]
    fn extending_adds_time_and_restarts_an_ended_timer_from_its_end() {
        let mut t = BoardTimer::new(MIN);
        t.start(0);
        t.extend(MIN, 30_000);
        assert_eq!(t.state(30_000), TimerState::Running { left_ms: 90_000 });
        let mut u = BoardTimer::new(MIN);
        u.start(0);
        assert_eq!(u.state(5 * MIN), TimerState::Ended);
        u.extend(2 * MIN, 5 * MIN);
        assert_eq!(u.state(5 * MIN), TimerState::Running { left_ms: 2 * MIN });
    }

    #[test]
    fn the_last_ten_seconds_are_marked_and_stop_resets() {
        let mut t = BoardTimer::new(MIN);
        t.start(0);
        assert!(!t.state(49_000).is_final_seconds());
        assert!(t.state(50_000).is_final_seconds());
        t.stop();
        assert_eq!(t.state(55_000), TimerState::Ready { left_ms: MIN });
    }

    #[test]
    fn shown_as_minutes_and_seconds_rounded_up() {
        assert_eq!(format_left(20 * MIN), "20:00");
        assert_eq!(format_left(1), "0:01");
        assert_eq!(format_left(0), "0:00");
        assert_eq!(format_left(-5), "0:00");
        assert_eq!(format_left(61_001), "1:02");
    }
}
