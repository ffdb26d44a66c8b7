//! `pyrun FILE.py` (or `-` for stdin): runs a script as `python FILE.py` with torch would.
//! Program output goes to stdout; an uncaught exception prints a traceback on stderr and
//! exits with status 1.

use interp::{Config, Session};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: pyrun [--max-steps N] [--max-memory BYTES] [--recursion-limit N] FILE.py|-";

fn parse_num(flag: &str, v: Option<String>) -> Result<u64, String> {
    v.as_deref()
        .and_then(|s| s.replace('_', "").parse::<u64>().ok())
        .ok_or_else(|| format!("pyrun: {flag} needs a number\n{USAGE}"))
}

fn main() -> ExitCode {
    let mut config = Config::default();
    let mut file = None;
    let mut stack_mb: u64 = 512;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let r = match a.as_str() {
            "--max-steps" => parse_num(&a, args.next()).map(|n| config.limits.max_steps = n),
            "--max-memory" => {
                parse_num(&a, args.next()).map(|n| config.limits.max_memory = n as usize)
            }
            "--recursion-limit" => {
                parse_num(&a, args.next()).map(|n| config.limits.recursion_limit = n as usize)
            }
            "--stack-mb" => parse_num(&a, args.next()).map(|n| stack_mb = n.max(1)),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() => {
                file = Some(a);
                Ok(())
            }
            _ => Err(format!("pyrun: unexpected argument {a:?}\n{USAGE}")),
        };
        if let Err(e) = r {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let source = if file == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("pyrun: cannot read stdin: {e}");
            return ExitCode::from(2);
        }
        config.filename = "<stdin>".into();
        s
    } else {
        match std::fs::read(&file) {
            Ok(b) => {
                config.filename = file.clone();
                String::from_utf8_lossy(&b).into_owned()
            }
            Err(e) => {
                eprintln!("pyrun: can't open file '{file}': {e}");
                return ExitCode::from(2);
            }
        }
    };
    // Deep Python recursion needs a deep native stack: run on a big-stack thread.
    let worker = std::thread::Builder::new()
        .stack_size((stack_mb as usize) << 20)
        .spawn(move || {
            let mut session = Session::new(config);
            session.set_writer(Box::new(std::io::stdout()));
            session.set_err_writer(Box::new(std::io::stderr()));
            let r = session.run(&source);
            let _ = std::io::stdout().flush();
            if let Some(tb) = &r.traceback {
                eprint!("{tb}");
            }
            r.exit_code.clamp(0, 255) as u8
        });
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("pyrun: internal error");
            ExitCode::from(70)
        }
    }
}
