//! A private PostgreSQL cluster for the team tests: made in a temporary folder, listening
//! on a free loopback port, killed and restarted at will, removed when dropped.
//!
//! The server's programs are looked for in `$OKUR_PG_BIN`, then on `PATH`, then in
//! Debian's `/usr/lib/postgresql/VERSION/bin` (newest first). PostgreSQL refuses to run as
//! root: as root, the cluster runs as the `postgres` user (Debian's package makes it), else
//! as `nobody`.

#![allow(dead_code)]

pub mod proxy;

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The superuser that runs `okur team init` in the tests.
pub const ADMIN: &str = "okur_admin";

/// A running (or killed) private cluster.
pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    /// The port it listens on (127.0.0.1).
    pub port: u16,
    server: Option<Child>,
    run_as: Option<(u32, u32)>,
}

/// A free loopback port (free when asked; the caller binds it soon after), never one
/// handed out before in this process: a cluster killed in one test must find its port free
/// when it restarts, not taken by another test's cluster.
pub fn free_port() -> u16 {
    bind_fresh().local_addr().expect("address").port()
}

/// A loopback listener on a port never handed out before in this process (see
/// [`free_port`]).
pub fn bind_fresh() -> TcpListener {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    loop {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("address").port();
        if !given.contains(&port) {
            given.push(port);
            return listener;
        }
    }
}

/// The folder holding `initdb`, `postgres` and `pg_ctl`.
pub fn find_bin() -> Option<PathBuf> {
    let has = |dir: &Path| ["initdb", "postgres"].iter().all(|p| dir.join(p).is_file());
    if let Some(dir) = std::env::var_os("OKUR_PG_BIN").map(PathBuf::from) {
        return has(&dir).then_some(dir);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    if let Some(dir) = std::env::split_paths(&path).find(|d| has(d)) {
        return Some(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, bin)| has(bin))
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// The uid and gid of `name` from /etc/passwd.
fn user_ids(name: &str) -> Option<(u32, u32)> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.first() == Some(&name) && fields.len() > 3)
            .then(|| Some((fields[2].parse().ok()?, fields[3].parse().ok()?)))
            .flatten()
    })
}

impl Cluster {
    /// Makes and starts a cluster; panics with the reason when it cannot.
    pub fn start() -> Cluster {
        let bin = find_bin().expect(
            "PostgreSQL's initdb and postgres not found: install Debian's `postgresql` or set OKUR_PG_BIN",
        );
        let dir = tempfile::Builder::new()
            .prefix("okur-pg-")
            .tempdir()
            .expect("a temporary folder");
        // SAFETY: geteuid has no preconditions.
        let root = unsafe { libc::geteuid() } == 0;
        let run_as = root
            .then(|| user_ids("postgres").or_else(|| user_ids("nobody")))
            .flatten();
        if let Some((uid, gid)) = run_as {
            let c =
                std::ffi::CString::new(dir.path().as_os_str().as_encoded_bytes()).expect("path");
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(
                unsafe { libc::chown(c.as_ptr(), uid, gid) },
                0,
                "chown the cluster folder"
            );
        }
        let mut cluster = Cluster {
            dir,
            bin,
            port: free_port(),
            server: None,
            run_as,
        };
        let out = cluster
            .command("initdb")
            .args([
                "-A",
                "trust",
                "-U",
                ADMIN,
                "-E",
                "UTF8",
                "--no-locale",
                "-D",
            ])
            .arg(cluster.data())
            .output()
            .expect("run initdb");
        assert!(
            out.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        cluster.restart();
        cluster
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(self.bin.join(program));
        cmd.stdin(Stdio::null()).env("LC_ALL", "C");
        if let Some((uid, gid)) = self.run_as {
            cmd.uid(uid).gid(gid);
        }
        cmd
    }

    /// Starts the server (again) and waits until it accepts connections.
    pub fn restart(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let log = std::fs::File::create(self.dir.path().join("server.log")).expect("log");
            let child = self
                .command("postgres")
                .arg("-D")
                .arg(self.data())
                .args([
                    "-p",
                    &self.port.to_string(),
                    "-c",
                    "listen_addresses=127.0.0.1",
                ])
                .arg("-c")
                .arg(format!(
                    "unix_socket_directories={}",
                    self.dir.path().display()
                ))
                .args(["-c", "max_connections=100", "-c", "fsync=on"])
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("start postgres");
            self.server = Some(child);
            if self.wait_ready(deadline) {
                return;
            }
            // Killed servers' backends may still hold the old shared memory: try again.
            self.kill();
            assert!(
                Instant::now() < deadline,
                "postgres did not start: {}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(300));
        }
    }

    fn wait_ready(&mut self, deadline: Instant) -> bool {
        while Instant::now() < deadline {
            if let Some(child) = &mut self.server
                && let Ok(Some(_)) = child.try_wait()
            {
                return false;
            }
            // Through our own socket folder: whatever else listens on the port, this is ours.
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok()
                && postgres::Client::connect(&self.socket_url(), postgres::NoTls).is_ok()
            {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// Kills the server with SIGKILL (a crash) and waits for the process to end.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.server.take() {
            let pid = i32::try_from(child.id()).expect("pid");
            // SAFETY: a plain signal to our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            let _ = child.wait();
        }
    }

    /// Turns TLS on with the certificate and key given (PEM), without a restart; the files
    /// go into the data folder, owned by the server's user, the key 0600 as PostgreSQL asks.
    pub fn enable_tls(&mut self, cert_pem: &str, key_pem: &str) {
        use std::os::unix::fs::PermissionsExt;
        for (name, body) in [("server.crt", cert_pem), ("server.key", key_pem)] {
            let path = self.data().join(name);
            std::fs::write(&path, body).expect("write a TLS file");
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
                .expect("chmod a TLS file");
            if let Some((uid, gid)) = self.run_as {
                std::os::unix::fs::chown(&path, Some(uid), Some(gid)).expect("chown a TLS file");
            }
        }
        let mut admin = self.admin();
        // One at a time: ALTER SYSTEM refuses to run inside the transaction of a batch.
        for sql in [
            "ALTER SYSTEM SET ssl_cert_file = 'server.crt'",
            "ALTER SYSTEM SET ssl_key_file = 'server.key'",
            "ALTER SYSTEM SET ssl = on",
            "SELECT pg_reload_conf()",
        ] {
            admin.batch_execute(sql).expect("turn TLS on");
        }
    }

    /// A URL for `user` on this cluster (trust authentication: no password).
    pub fn url(&self, user: &str) -> String {
        format!("postgres://{user}@127.0.0.1:{}/postgres", self.port)
    }

    /// A URL for `user` through a proxy on `port`.
    pub fn url_via(&self, user: &str, port: u16) -> String {
        format!("postgres://{user}@127.0.0.1:{port}/postgres")
    }

    /// The superuser through the cluster's own Unix socket.
    fn socket_url(&self) -> String {
        format!(
            "host={} port={} user={ADMIN} dbname=postgres",
            self.dir.path().display(),
            self.port
        )
    }

    /// A superuser connection (through the cluster's own socket).
    pub fn admin(&self) -> postgres::Client {
        postgres::Client::connect(&self.socket_url(), postgres::NoTls).expect("connect as admin")
    }

    /// A fresh cluster with okur's schema (`okur team init`) and an analyst role for each
    /// of `analysts` (`okur team add`).
    pub fn with_team<S: AsRef<str>>(analysts: impl IntoIterator<Item = S>) -> Cluster {
        let cluster = Cluster::start();
        let mut admin = cluster.admin();
        okur::team::schema::migrate(&mut admin).expect("okur team init");
        for who in analysts {
            okur::team::schema::add_analyst(&mut admin, who.as_ref(), None).expect("okur team add");
        }
        cluster
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Some(child) = &self.server {
            let pid = i32::try_from(child.id()).expect("pid");
            // SAFETY: a plain signal to our own child. SIGQUIT: immediate shutdown.
            unsafe { libc::kill(pid, libc::SIGQUIT) };
        }
        if let Some(mut child) = self.server.take() {
            let _ = child.wait();
        }
    }
}
