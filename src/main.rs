//! The `dedupe` binary: parse the arguments, run, map the outcome to an exit code.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    map_big_allocations();
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dedupe: {err}");
            ExitCode::from(2)
        }
    }
}

/// Makes glibc serve every allocation of 128 KiB or more (a file's text,
/// its paragraph tables) with its own mapping, returned to the system when
/// freed. By default glibc raises that threshold as big blocks are freed and
/// then carves them from the heap, where a file cleaned on a worker thread
/// leaves holes the next stage cannot reuse: one 50 MB article file peaked
/// at 275 MB of resident memory, 211 MB with this (`/usr/bin/time`, see
/// benches/README.md). Other C libraries keep their own policy.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn map_big_allocations() {
    const MAP_AT_BYTES: libc::c_int = 128 * 1024;
    // SAFETY: mallopt only sets an allocator parameter; it is called before
    // any other thread exists.
    #[allow(unsafe_code)]
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAP_AT_BYTES);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn map_big_allocations() {}
