import os, pty, sys, time, select, json
binary, state = sys.argv[1], sys.argv[2]
env = dict(os.environ, XDG_STATE_HOME=state, TERM="xterm", HOME=state)
pid, fd = pty.fork()
if pid == 0:
    import signal
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execve(binary, [binary, "repl"], env)
out = b""
def read_until(token, timeout=20):
    global out
    end = time.time() + timeout
    while time.time() < end:
        if token.encode() in out:
            return True
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return token.encode() in out
            if not data:
                break
            out += data
    return token.encode() in out
def count(token):
    return out.count(token.encode())
def send(data):
    os.write(fd, data.encode())
    time.sleep(0.3)
def prompts(n, timeout=20):
    end = time.time() + timeout
    while time.time() < end and count("sched> ") < n:
        read_until("\x00never", 0.1)
    return count("sched> ") >= n
steps = {}
steps["prompt"] = read_until("sched> ")
send("param kk\x7f = 2\r")
steps["backspace"] = read_until("k = 2\r\n") and prompts(2)
send("\x1b[A")
read_until("param k = 2", 5)
send("\r")
prompts(3)
steps["history"] = out.count(b"k = 2\r\n") >= 2
send(":ana\t")
read_until("lyze", 5)
send("\r")
read_until("incomplete", 5)
steps["tab"] = b"lyze" in out and b"incomplete" in out
prompts(4)
send("k + 1\r")
steps["after_tab"] = read_until("3\r\n") and prompts(5)
mark = len(out)
send("alpha = 1 -")
read_until("alpha = 1 -", 5)
send("\x03")
prompts(6)
send("k\r")
prompts(7)
tail = out[mark:]
steps["ctrl_c"] = b"\r\n2\r\n" in tail and b"error" not in tail
# Ctrl-C during a long computation (the analysis of a schedule with two atan poles:
# seconds of CPU) returns to the prompt at once, the session unchanged.
for n, line in enumerate(["time t in [log(3), log(3) + 4)", "alpha = atan(1/(t - log(3) - 5/4))",
                          "sigma = atan(1/(t - log(3) - 3*pi/16)) - t", "target = (t - 3)*x_t + velocity"]):
    send(line + "\r")
    prompts(8 + n)
send(":analyze\r")
time.sleep(1.0)
started = time.time()
send("\x03")
read_until("interrupted", 5)
prompts(12)
send("k\r")
prompts(13)
steps["interrupt_computation"] = b"interrupted" in out and time.time() - started < 5 and out.rstrip().endswith(b"2\r\nsched>")
# ... and the computation stops: the process is idle at the prompt (CPU time over 1.5 s,
# from /proc/PID/stat's utime + stime, at most 0.15 s; uncancelled, the analysis goes on for seconds)
def cpu_seconds():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
time.sleep(0.5)
before = cpu_seconds()
time.sleep(1.5)
idle_cpu = cpu_seconds() - before
steps["worker_stops"] = idle_cpu <= 0.15
send("\x04")
_, status = os.waitpid(pid, 0)
steps["exit0"] = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
hist = open(os.path.join(state, "sched", "history")).read() if os.path.exists(os.path.join(state, "sched", "history")) else ""
decoded = hist.replace("\\040", " ")
steps["history_file"] = "param k = 2" in decoded and "k + 1" in decoded and ":analyze" in decoded
# A second session recalls the last line of the first with the up arrow.
pid, fd = pty.fork()
if pid == 0:
    import signal
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    os.execve(binary, [binary, "repl"], env)
first = out
out = b""
read_until("sched> ")
send("\x1b[A")
send("\r")
steps["history_across_sessions"] = read_until("unknown name 'k'", 10)
send("\x04")
_, status = os.waitpid(pid, 0)
out = first + b"\n--- second session ---\n" + out
print(json.dumps(steps))
sys.stderr.write(out.decode("utf-8", "replace"))
sys.stderr.write("\nHISTORY:\n" + hist)
sys.exit(0 if all(steps.values()) else 1)
