//! The binary run under a pseudo-terminal, as a person runs it: stderr is a
//! terminal, so the progress bar draws from the worker threads while the main
//! thread prints. A run that never ends fails at a deadline instead of hanging
//! the test suite.

#![allow(unsafe_code, reason = "libc::openpty: std has no pseudo-terminal")]

mod support;

use std::fs::File;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};
use support::*;

/// Far longer than any of these runs takes in a debug build, even on a busy
/// machine; a deadlock never ends, so the margin costs nothing when all is well.
const DEADLINE: Duration = Duration::from_secs(120);

/// A pseudo-terminal pair: the controller end (read by the test) and the
/// terminal end (the child's stdio).
fn pseudo_terminal() -> (OwnedFd, OwnedFd) {
    let (mut controller, mut terminal) = (0, 0);
    // SAFETY: openpty writes two new descriptors into the two ints; the name,
    // termios and window size pointers may be null.
    let status = unsafe {
        libc::openpty(
            &mut controller,
            &mut terminal,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(status, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened and are owned by nobody else.
    unsafe {
        (
            OwnedFd::from_raw_fd(controller),
            OwnedFd::from_raw_fd(terminal),
        )
    }
}

/// Runs dedupe in `cwd` with stdin, stdout and stderr on a terminal; returns
/// its exit status and everything it drew, or fails at [`DEADLINE`].
fn run_on_terminal(cwd: &Path, args: &[&str]) -> (ExitStatus, String) {
    let (controller, terminal) = pseudo_terminal();
    let mut command = Command::new(env!("CARGO_BIN_EXE_dedupe"));
    command
        .args(args)
        .current_dir(cwd)
        // The progress bar stays hidden in CI; this test is about the terminal.
        .env_remove("CI")
        .stdin(Stdio::from(terminal.try_clone().unwrap()))
        .stdout(Stdio::from(terminal.try_clone().unwrap()))
        .stderr(Stdio::from(terminal));
    let mut child = command.spawn().expect("run dedupe");
    drop(command); // closes the parent's copies of the terminal end
    // Drain the terminal so the child never blocks on a full buffer; the read
    // ends with an error (EIO) once the child and its copies are gone.
    let reader = std::thread::spawn(move || {
        let mut drawn = Vec::new();
        let _ = File::from(controller).read_to_end(&mut drawn);
        String::from_utf8_lossy(&drawn).into_owned()
    });
    let status = wait_with_deadline(&mut child);
    (status, reader.join().unwrap())
}

fn wait_with_deadline(child: &mut Child) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dedupe did not finish within {DEADLINE:?} on a terminal: a deadlock");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// 200 files, each with one exact duplicate: enough for the progress bar.
fn two_hundred_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..200 {
        write(&dir.path().join(format!("arts/a{n:03}.txt")), DIRTY);
    }
    dir
}

#[test]
fn a_batch_with_a_progress_bar_finishes_on_a_terminal() {
    for mode in [
        &["--check"][..],
        &["--out-dir", "out"],
        &["--in-place"],
        &["--check", "-j", "1"],
    ] {
        let dir = two_hundred_files();
        let mut args = mode.to_vec();
        args.push("arts");
        let (status, drawn) = run_on_terminal(dir.path(), &args);
        let expected = if mode[0] == "--check" { 1 } else { 0 };
        assert_eq!(status.code(), Some(expected), "{mode:?}: {drawn}");
        assert!(drawn.contains("200 files checked"), "{mode:?}: {drawn}");
        assert!(
            drawn.contains("/200 files"),
            "no progress bar drawn: {drawn}"
        );
        if mode[0] == "--in-place" {
            for n in 0..200 {
                assert_eq!(read(dir.path().join(format!("arts/a{n:03}.txt"))), CLEANED);
            }
        }
    }
}

#[test]
fn no_arguments_on_a_terminal_prints_usage_instead_of_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let (status, drawn) = run_on_terminal(dir.path(), &[]);
    assert_eq!(status.code(), Some(2), "{drawn}");
    assert!(drawn.contains("Usage: dedupe"), "{drawn}");
}
