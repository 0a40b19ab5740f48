"""What the command-line tests share (test_cli.py, test_gamelift_local.py, test_aws_cli_output.py,
tests/wire/e2e_loopback.py and benchmarks/cli_vs_aws_cli.py): counted checks, the environment a
program runs in against a local endpoint, running a program, and boto3's values as the AWS CLI's
JSON output shows them.

Scripts in tests/cli/ import it as `import clitest` (their directory is on sys.path); scripts
elsewhere put tests/cli/ on sys.path first. Standard library only.
"""

import datetime
import os
import subprocess


class Checks:
    """Counts checks; a failed one prints one line and the rest still run."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s" % what)
        return condition

    def report(self, name):
        """Prints `name: N passed, M failed`; returns the exit code (1 after a failed check)."""
        print("%s: %d passed, %d failed" % (name, self.passed, self.failed))
        return 1 if self.failed else 0


def aws_env(key, secret, region, extra=None, drop=()):
    """The environment of a program run against a local endpoint: none of the caller's AWS_*
    settings, this key pair and AWS_REGION, no config or credentials file, no home directory,
    no pager, UTC. `drop` removes variables of that set, `extra` adds or replaces some."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({"AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret, "AWS_REGION": region,
                "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
                "AWS_PAGER": "", "HOME": "/nonexistent", "TZ": "UTC"})
    for name in drop:
        env.pop(name, None)
    env.update(extra or {})
    return env


def run(argv, env=None, timeout=120):
    """Runs argv with no input; returns (exit code, stdout, stderr), the outputs as UTF-8 text."""
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def as_cli_json(value):
    """boto3's parsed values as the CLI's JSON output shows them (datetimes in ISO 8601)."""
    if isinstance(value, dict):
        return {k: as_cli_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_cli_json(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value
