# Builds the man page from its template and the program's --help text, so
# the manual lists exactly the options the program accepts.
#   awk -v version=V -f scripts/manpage.awk HELP.txt assets/optiviz.1.in > optiviz.1
# First file: the --help text. Its "Usage:" and title lines are skipped (the
# template has NAME and SYNOPSIS); a line "Title:" starts a subsection; an
# option line ("  --opt ARG   text", text from column 27) becomes a tagged
# paragraph whose text runs on over the lines indented to that column;
# "Examples:" lines are kept as they are; every other line is running text.
# Second file: the template, copied with @OPTIONS@ replaced by the above and
# @VERSION@ by version.

# roff-safe text: backslashes escaped, "-" in options and commands written
# as \- (a minus, so copy-and-paste works), a leading . or ' protected.
function esc(s, dashes,    n, i, w, words, r) {
    gsub(/\\/, "\\e", s)
    if (dashes)
        gsub(/-/, "\\-", s)
    else {
        n = split(s, words, " ")
        r = ""
        for (i = 1; i <= n; i++) {
            w = words[i]
            if (w ~ /^[('"\[]*-/ || w ~ /--/)
                gsub(/-/, "\\-", w)
            r = r (i > 1 ? " " : "") w
        }
        s = r
    }
    if (s ~ /^[.']/)
        s = "\\&" s
    return s
}

function out(line) { body = body line "\n" }

FNR == NR {
    line = $0
    if (FNR == 1 || line ~ /^Usage:/)
        next
    if (line ~ /^[ \t]*$/) {
        if (mode == "example") { out(".EE"); }
        mode = "gap"
        next
    }
    if (line ~ /^[^ ].*:$/) {
        title = substr(line, 1, length(line) - 1)
        out(".SS " esc(title, 0))
        if (title == "Examples") { out(".EX"); mode = "example" } else mode = "section"
        next
    }
    if (mode == "example") {
        sub(/^  /, "", line)
        out(esc(line, 1))
        next
    }
    if (match(line, /^  -[^ ]*( [^ ]+)*  +/) && RLENGTH <= 26 && line ~ /^  -/) {
        tag = substr(line, 3)
        text = ""
        if (length(line) > 26 && substr(line, 25, 2) == "  ") {
            tag = substr(line, 3, 24)
            text = substr(line, 27)
        }
        sub(/ +$/, "", tag)
        out(".TP")
        out(".B " esc(tag, 1))
        if (text != "")
            out(esc(text, 0))
        mode = "option"
        next
    }
    if (line ~ /^  -/) {            # an option too long for its column
        tag = substr(line, 3)
        out(".TP")
        out(".B " esc(tag, 1))
        mode = "option"
        next
    }
    if (mode == "option" && line ~ /^                          /) {
        sub(/^ +/, "", line)
        out(esc(line, 0))
        next
    }
    sub(/^ +/, "", line)
    if (mode != "text")
        out(".PP")
    out(esc(line, 0))
    mode = "text"
    next
}

{
    if ($0 == "@OPTIONS@") {
        if (mode == "example")
            body = body ".EE\n"
        printf "%s", body
        next
    }
    gsub(/@VERSION@/, version)
    print
}
