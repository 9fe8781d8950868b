#!/bin/sh
# 99-report-html.sh: -format=html in a real browser. Headless Chromium
# loads the reports of the demo, std packages and a corpus package; its
# DOM, after the page's script ran, must hold one mark per -format=json
# diagnostic (mark dN is diagnostic N), each with the message, kind and
# line the JSON gives, and heap marks with their explanation steps
# linking to shown lines. The
# mark a URL fragment names opens. The pages load nothing from outside.
# A screenshot is kept in build/test-artifacts/.
cd "$(dirname "$0")/../.."
[ -x ./goesc ] || { echo "FAIL report-html: goesc is not built"; exit 0; }
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$CHROMIUM" ] || { echo "FAIL report-html: chromium is missing (tests/deps.sh)"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
art=build/test-artifacts
mkdir -p "$art"

browse() { # browse URL OUT: the DOM after scripts ran
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/profile" \
        --virtual-time-budget=5000 --dump-dom "$1" >"$2" 2>"$tmp/chromium.err"
}

check() { # check NAME GOESC-ARGS...
    name=$1
    shift
    if ! ./goesc -format=html "$@" >"$tmp/$name.html" 2>"$tmp/err"; then
        echo "FAIL html-$name: goesc exited $?: $(head -c 300 "$tmp/err")"
        return
    fi
    ./goesc -format=json "$@" >"$tmp/$name.json" 2>/dev/null
    # offline: no fetches, no external links
    if grep -Eqi ' src=|href="(https?:|//)|@import|url\(' "$tmp/$name.html"; then
        echo "FAIL html-$name-offline: $(grep -Eoi '.{30}( src=|href="(https?:|//)|@import|url\().{30}' "$tmp/$name.html" | head -1)"
    else
        echo "ok html-$name-offline"
    fi
    if ! browse "file://$tmp/$name.html" "$tmp/$name.dom"; then
        echo "FAIL html-$name-browser: $(tail -c 300 "$tmp/chromium.err")"
        return
    fi
    python3 - "$tmp/$name.json" "$tmp/$name.dom" "$name" <<'EOF'
import json, sys, html.parser

diags = [d for p in json.load(open(sys.argv[1]))["packages"] for d in p["diagnostics"]]
name = sys.argv[3]

class Dom(html.parser.HTMLParser):
    """Collects marks: id, kind, the line they sit on, message, steps."""
    def __init__(self):
        super().__init__()
        self.stack, self.marks, self.lines, self.ready = [], [], set(), False
        self.cur = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "body":
            self.ready = a.get("data-ready") == "1"
        if tag == "div" and "line" in cls and a.get("id"):
            self.line = a["id"]
            self.lines.add(a["id"])
        if tag == "span" and "mark" in cls:
            self.cur = {"id": a.get("id"), "kind": a.get("data-kind"), "line": getattr(self, "line", None),
                        "msg": "", "links": [], "text": ""}
            self.marks.append(self.cur)
        if tag == "a" and self.cur is not None and a.get("href", "").startswith("#"):
            self.cur["links"].append(a["href"][1:])
        self.stack.append((tag, cls))
    def handle_endtag(self, tag):
        while self.stack:
            t, cls = self.stack.pop()
            if t == "span" and "mark" in cls:
                self.cur = None
            if t == tag:
                break
        if tag == "div":
            self.line = None
    def handle_data(self, data):
        if self.cur is not None:
            self.cur["text"] += data
            if self.stack and "msg" in self.stack[-1][1]:
                self.cur["msg"] += data

dom = Dom()
dom.feed(open(sys.argv[2], encoding="utf-8").read())
bad = []
if not dom.ready:
    bad.append("the page's script did not run (no data-ready)")
if len(dom.marks) != len(diags):
    bad.append("%d marks for %d diagnostics" % (len(dom.marks), len(diags)))
ids = sorted(int(m["id"][1:]) for m in dom.marks if m["id"])
if ids != list(range(len(diags))):
    bad.append("mark ids are not the diagnostics' indices")
for m in dom.marks:
    d = diags[int(m["id"][1:])] if m["id"] and int(m["id"][1:]) < len(diags) else None
    if d is None:
        continue
    if m["msg"] != d["message"] or m["kind"] != d["kind"]:
        bad.append("mark %s is %r %r, want %r %r" % (m["id"], m["kind"], m["msg"], d["kind"], d["message"]))
        break
    if m["line"] and not m["line"].endswith("-L%d" % d["line"]) and not d["inline_stack"]:
        bad.append("mark %s sits on %s, want line %d" % (m["id"], m["line"], d["line"]))
        break
    for e in d["explanations"]:
        if e["message"] not in m["text"]:
            bad.append("mark %s lacks its explanation %r" % (m["id"], e["message"]))
            break
    dangling = [l for l in m["links"] if l not in dom.lines]
    if dangling:
        bad.append("mark %s links to %s, not a shown line" % (m["id"], dangling[0]))
        break
heap = sum(1 for d in diags if d["heap"])
print("FAIL html-%s-dom: %s" % (name, "; ".join(bad[:3])) if bad else
      "ok html-%s-dom (%d marks, %d heap)" % (name, len(dom.marks), heap))
EOF
}

check hello -m=2 ./examples/hello
check std strings encoding/json net/url
if [ -d /usr/share/gocode/src/github.com/pkg/errors ]; then
    GOPATH=/usr/share/gocode GO111MODULE=off check corpus github.com/pkg/errors
fi

# The explanation a fragment names is open, and it shows gc's flow.
./goesc -format=html -m=2 ./examples/hello >"$tmp/open.html"
id=$(grep -o 'id="d[0-9]*" tabindex="0" data-kind="moved-to-heap"' "$tmp/open.html" | head -1 | cut -d'"' -f2)
if [ -n "$id" ] && browse "file://$tmp/open.html#$id" "$tmp/open.dom"; then
    if grep -q "class=\"mark heap target open\" id=\"$id\"" "$tmp/open.dom" &&
        grep -q 'moved to heap: p' "$tmp/open.dom" && grep -q 'flow: ~r0 = &amp;p' "$tmp/open.dom"; then
        echo "ok html-fragment-opens"
    else
        echo "FAIL html-fragment-opens: $(grep -o "<span[^>]*id=\"$id\"[^>]*>" "$tmp/open.dom")"
    fi
    if timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$tmp/profile" \
        --virtual-time-budget=5000 --window-size=1280,900 --screenshot="$art/html-report.png" \
        "file://$tmp/open.html#$id" >/dev/null 2>&1 &&
        [ "$(head -c 8 "$art/html-report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
        [ "$(wc -c <"$art/html-report.png")" -gt 10000 ]; then
        echo "ok html-screenshot ($art/html-report.png)"
    else
        echo "FAIL html-screenshot: no PNG in $art/html-report.png"
    fi
else
    echo "FAIL html-fragment-opens: no moved-to-heap mark, or chromium failed"
fi
