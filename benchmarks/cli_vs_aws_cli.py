#!/usr/bin/python3
"""Wall time to list the 600 sessions of gamelift-local: describe-game-sessions against the AWS CLI
v2 (/usr/bin/aws), the same endpoint in the same run, and against the endpoint's own service time.

  benchmarks/cli_vs_aws_cli.py path/to/describe-game-sessions path/to/gamelift-local [--runs 5]

Prints numbers; asserts nothing about time.
"""
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "cli"))
import clitest  # noqa: E402

FLEET = "fleet-db9c5598-9194-4d23-b8bc-927ded35455d"


def main():
    cli, local = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    env = clitest.aws_env("any", "any", "us-west-2")
    times = {"ours": [], "aws": []}
    service = []
    for _ in range(runs):
        for name, argv in (("ours", [cli]), ("aws", ["/usr/bin/aws", "gamelift", "describe-game-sessions"])):
            server = subprocess.Popen([local, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            url = re.match(r"listening on (\S+)", server.stdout.readline().decode()).group(1)
            started = time.perf_counter()
            subprocess.run(argv + ["--endpoint-url", url, "--fleet-id", FLEET, "--output", "json"], env=env,
                           stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - started)
            server.terminate()
            err = server.communicate(timeout=10)[1].decode()
            ms = float(re.search(r"in ([0-9.]+) ms of service time", err).group(1))
            if name == "ours":
                service.append(ms / 1000)
    ours, aws, svc = (statistics.median(times["ours"]), statistics.median(times["aws"]), statistics.median(service))
    print("listing 600 sessions from gamelift-local, median of %d runs:" % runs)
    print("  describe-game-sessions  %8.1f ms" % (ours * 1000))
    print("  aws (CLI v2)            %8.1f ms" % (aws * 1000))
    print("  endpoint service time   %8.1f ms (during our runs)" % (svc * 1000))
    print("  ratio aws / ours        %8.1fx" % (aws / ours))
    print("  ours / service time     %8.2fx" % (ours / svc))


if __name__ == "__main__":
    main()
