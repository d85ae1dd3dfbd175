#!/usr/bin/env bash
# Mutation testing of the rule files (issue 17), area by area: each area's files are mutated and tested against that
# area's own test classes only. One Stryker run over all files cannot do that: most mutants of the services run while
# no test is running (the console's background services, a fixture's arranging), so Stryker cannot tell which tests
# cover them and runs every selected test against each one, which takes hours.
#
#   tools/mutation.sh                 every area, then the score per area and overall
#   tools/mutation.sh rules outbox    only these areas (the summary reads whatever reports are there)
#   tools/mutation.sh --summary       only the summary of the last reports
#
# Reports: StrykerOutput/areas/<area>/reports/mutation-report.{html,json}. Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

out=StrykerOutput/areas

# lane | area name | files under Omnichat.Core | test classes under Omnichat.Tests (a few classes each)
areas=(
  "2|rules|Health/PageVerdictRules.cs Health/FailureNotice.cs Facebook/ConnectionStatusRules.cs Facebook/WebhookSignature.cs Messaging/MessagingWindow.cs Integrations/IntegrationScope.cs|Health.PageVerdictRulesTests Health.InconclusiveReasonTests Health.FailureNoticePersonTests Facebook.ConnectionStatusRulesTests Facebook.GraphErrorClassifierTests Messaging.WebhookSignatureTests Messaging.MessagingWindowTests Integrations.IntegrationStatusOnSqliteTests"
  "1|health|Channels/ConnectionStatusChange.cs Health/CheckResultRecorder.cs Health/CheckNowService.cs|Health.HealthCheckTests Health.CheckHistoryTests Health.OneEmailPerFailureTests Health.ReminderEmailTests Health.InstantSignalTests Integrations.IntegrationRoleTests Isolation.ServiceIsolationTests"
  "2|outbox|Notifications/OutboxDispatcher.cs|Notifications.OutboxDispatcherSmtpTests Notifications.OutboxRetryDelayTests Notifications.OutboxDispatcherGiveUpTests Notifications.PickupDirectoryTests"
  "2|webhooks|Messaging/WebhookIntake.cs|Messaging.WebhookIntakeTests Messaging.WebhookEndpointTests Messaging.WebhookRefusalTests"
  "1|channels|Channels/OAuthStateStore.cs Channels/ConnectionService.cs|Channels.ConsentCallbackTests Channels.ConnectFlowTests Channels.TeamIsolationTests Channels.ReauthorizeFlowTests"
  "2|messaging|Messaging/InboxService.cs Messaging/ReplyService.cs Teams/TeamSettingsService.cs|Messaging.ReplyTests Messaging.InboxServiceTests Teams.TeamSettingsServiceTests Isolation.ServiceIsolationTests"
)

summary() {
  python3 - "$out" "${areas[@]}" <<'PY'
import json, os, sys
out, areas = sys.argv[1], [a.split("|")[1] for a in sys.argv[2:]]
detected = ("Killed", "Timeout")
undetected = ("Survived", "NoCoverage")
total = {s: 0 for s in detected + undetected}
print(f"{'area':<10} {'killed':>6} {'timeout':>7} {'survived':>8} {'no cov':>6} {'score':>7} {'killed only':>11}  minutes")
survivors = []
for area in areas:
    report = os.path.join(out, area, "reports", "mutation-report.json")
    if not os.path.exists(report):
        print(f"{area:<10} no report")
        continue
    counts = {s: 0 for s in total}
    data = json.load(open(report))
    for path, file in data["files"].items():
        for m in file["mutants"]:
            if m["status"] in counts:
                counts[m["status"]] += 1
            if m["status"] in undetected:
                survivors.append(f"{m['status']:<10} {os.path.relpath(path, data['projectRoot'])}:{m['location']['start']['line']} {m['mutatorName']}: {m.get('replacement', '')}")
    for s in counts:
        total[s] += counts[s]
    valid = sum(counts.values())
    seconds = os.path.join(out, area, "seconds")
    minutes = f"{int(open(seconds).read()) / 60:.1f}" if os.path.exists(seconds) else "?"
    score = 100 * (counts["Killed"] + counts["Timeout"]) / valid if valid else 0
    strict = 100 * counts["Killed"] / valid if valid else 0
    print(f"{area:<10} {counts['Killed']:>6} {counts['Timeout']:>7} {counts['Survived']:>8} {counts['NoCoverage']:>6} {score:>6.2f}% {strict:>10.2f}%  {minutes}")
valid = sum(total.values())
score = 100 * (total["Killed"] + total["Timeout"]) / valid if valid else 0
strict = 100 * total["Killed"] / valid if valid else 0
print(f"{'overall':<10} {total['Killed']:>6} {total['Timeout']:>7} {total['Survived']:>8} {total['NoCoverage']:>6} {score:>6.2f}% {strict:>10.2f}%")
print("(score: killed and timed out, as Stryker counts them, over killed, timed out, survived and not covered; 'killed only'")
print(" counts a timeout as not killed: under heavy load a test session can time out without the mutant being the cause.")
print(" Compile errors and ignored mutants do not count.)")
if survivors:
    print("\nNot killed:")
    print("\n".join(survivors))
PY
}

# Every file of stryker-config.json's "mutate" list belongs to exactly one area, so no rule file drops out unnoticed.
python3 - "${areas[@]}" <<'PY'
import json, sys
listed = sorted(p.removeprefix("**/") for p in json.load(open("stryker-config.json"))["stryker-config"]["mutate"])
files = [f for a in sys.argv[1:] for f in a.split("|")[2].split()]
if sorted(files) != listed:
    sys.exit(f"tools/mutation.sh areas {sorted(files)} differ from stryker-config.json mutate {listed}")
PY

if [[ "${1:-}" == "--summary" ]]; then
  summary
  exit 0
fi

repo=$(pwd)
lane2="${TMPDIR:-/tmp}/omnichat-mutation-lane2"

# Runs one area's Stryker in the source tree $2 with $3 parallel test sessions; its output goes to the area's folder.
run_area() {
  local name files tests
  IFS='|' read -r _ name files tests <<<"$1"
  local args=() filter=""
  for f in $files; do args+=(-m "**/$f"); done
  for t in $tests; do filter+="${filter:+|}FullyQualifiedName~Omnichat.Tests.$t"; done
  rm -rf "$out/$name"
  mkdir -p "$out/$name"
  echo "=== $name started $(date -u +%H:%M) (load $(cut -d' ' -f1-3 /proc/loadavg))"
  local area_started
  area_started=$(date +%s)
  # The progress reporter needs a terminal; these three do not.
  if (cd "$2" && dotnet dotnet-stryker -f stryker-config.json --skip-version-check -c "$3" -r cleartext -r json -r html \
        -O "$repo/$out/$name" "${args[@]}" --test-case-filter "$filter") > "$out/$name/stryker.log" 2>&1; then
    echo $(( $(date +%s) - area_started )) > "$out/$name/seconds"
    echo "=== $name done in $(( ($(date +%s) - area_started) / 60 )) min: $(grep -o 'final mutation score is .*' "$out/$name/stryker.log")"
  else
    echo "=== $name FAILED, see $out/$name/stryker.log"
    return 1
  fi
}

# Runs the selected areas of lane $1, one after the other, in the source tree $2.
run_lane() {
  local lane=$1 tree=$2 concurrency=$3 entry failed=0
  for entry in "${selected[@]}"; do
    if [[ ${entry%%|*} == "$lane" ]]; then
      run_area "$entry" "$tree" "$concurrency" || failed=1
    fi
  done
  return $failed
}

selected=()
if [[ $# -eq 0 ]]; then
  selected=("${areas[@]}")
fi
for name in "$@"; do
  entry=$(printf '%s\n' "${areas[@]}" | awk -F'|' -v n="$name" '$2 == n')
  [[ -n "$entry" ]] || { echo "no area $name"; exit 2; }
  selected+=("$entry")
done
lanes=$(printf '%s\n' "${selected[@]}" | cut -d'|' -f1 | sort -u | wc -l)

dotnet tool restore >/dev/null
started=$(date +%s)
status=0
if [[ $lanes -eq 1 ]]; then
  # One lane's areas: in this tree, two test sessions at a time.
  run_lane "$(printf '%s\n' "${selected[@]}" | head -1 | cut -d'|' -f1)" . 2 || status=1
else
  # Two lanes of one test session each: while one lane analyses, builds and runs its initial tests (mostly one core),
  # the other is testing mutants. Lane 2 works in a copy of this tree with bin and obj of its own, so the two builds
  # never touch the same files.
  mkdir -p "$lane2"
  find "$lane2" \( -name bin -o -name obj \) -prune -o -type f -print0 | xargs -0 rm -f
  git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$lane2"
  run_lane 1 . 1 & lane1_pid=$!
  run_lane 2 "$lane2" 1 & lane2_pid=$!
  wait "$lane1_pid" || status=1
  wait "$lane2_pid" || status=1
fi
echo "=== finished in $(( ($(date +%s) - started) / 60 )) minutes (load $(cut -d' ' -f1-3 /proc/loadavg))"
summary
exit $status
