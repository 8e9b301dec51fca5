package config

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Actions are the [keys] action names a user may rebind, in the order the
// help screen lists them.
var Actions = []string{
	"up", "down", "open", "back", "next_pane", "prev_pane", "page_down", "page_up",
	"top", "bottom", "next_unread", "prev_unread", "refresh", "refresh_all",
	"toggle_read", "mark_all_read", "toggle_star", "open_browser", "open_comments",
	"copy_link", "search", "add_feed", "remove_feed", "edit_config", "toggle_feeds",
	"toggle_source", "help", "quit",
}

// keyForms is the short list of valid key spellings shown in errors.
const keyForms = `use one character like "q" or "G", or a name like "ctrl+c", "alt+x", "enter", "esc", "tab", "space", "pgdown", "up", "f1"`

// keyAliases maps other spellings of a key name to Bubble Tea v1's.
var keyAliases = map[string]string{
	"space": " ", "spacebar": " ",
	"pagedown": "pgdown", "page_down": "pgdown", "page-down": "pgdown", "pgdn": "pgdown",
	"pageup": "pgup", "page_up": "pgup", "page-up": "pgup",
	"escape": "esc", "return": "enter", "del": "delete", "ins": "insert",
	"ctrl+i": "tab", "ctrl+m": "enter", "ctrl+[": "esc", "ctrl+ ": "ctrl+@", "ctrl+`": "ctrl+@",
	"shift+ ": " ",
}

// namedKeys are Bubble Tea v1's names for keys that are not one character
// (before an optional "alt+").
var namedKeys = func() map[string]bool {
	m := map[string]bool{" ": true, "ctrl+@": true, `ctrl+\`: true, "ctrl+]": true, "ctrl+^": true, "ctrl+_": true}
	for _, k := range []string{"enter", "esc", "tab", "shift+tab", "backspace", "delete", "insert",
		"up", "down", "left", "right", "home", "end", "pgup", "pgdown", "ctrl+pgup", "ctrl+pgdown"} {
		m[k] = true
	}
	for _, k := range []string{"up", "down", "left", "right", "home", "end"} {
		m["shift+"+k], m["ctrl+"+k], m["ctrl+shift+"+k] = true, true, true
	}
	for c := 'a'; c <= 'z'; c++ {
		if c != 'i' && c != 'm' { // ctrl+i is tab, ctrl+m is enter
			m["ctrl+"+string(c)] = true
		}
	}
	for i := 1; i <= 20; i++ {
		m["f"+strconv.Itoa(i)] = true
	}
	return m
}()

var errBadKey = errors.New("not a key")

// NormalizeKey turns a key as a user writes it ("Ctrl+C", "space",
// "PageDown", "escape", "shift+g") into Bubble Tea v1's key string
// ("ctrl+c", " ", "pgdown", "esc", "G"). One printable character is kept as
// it is, case included.
func NormalizeKey(s string) (string, error) {
	if s != " " {
		s = strings.TrimSpace(s)
	}
	if utf8.RuneCountInString(s) == 1 {
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsGraphic(r) {
			return s, nil
		}
		return "", errBadKey
	}
	if low := strings.ToLower(s); strings.HasPrefix(low, "alt+") || strings.HasPrefix(low, "meta+") {
		k, err := NormalizeKey(s[strings.IndexByte(s, '+')+1:])
		if err != nil || strings.HasPrefix(k, "alt+") {
			return "", errBadKey
		}
		return "alt+" + k, nil
	}
	ctrl, shift, base := modifiers(s)
	if utf8.RuneCountInString(base) == 1 {
		r, _ := utf8.DecodeRuneInString(base)
		if shift && !ctrl && unicode.IsLetter(r) {
			return string(unicode.ToUpper(r)), nil
		}
		base = string(unicode.ToLower(r))
	} else {
		base = strings.ToLower(base)
		if a, ok := keyAliases[base]; ok {
			base = a
		}
	}
	name := base
	if shift {
		name = "shift+" + name
	}
	if ctrl {
		name = "ctrl+" + name
	}
	if a, ok := keyAliases[name]; ok {
		name = a
	}
	if namedKeys[name] {
		return name, nil
	}
	return "", errBadKey
}

// modifiers strips leading ctrl+ and shift+ (any case, any order).
func modifiers(s string) (ctrl, shift bool, base string) {
	for {
		low := strings.ToLower(s)
		switch {
		case strings.HasPrefix(low, "ctrl+") && len(s) > len("ctrl+"):
			ctrl, s = true, s[len("ctrl+"):]
		case strings.HasPrefix(low, "shift+") && len(s) > len("shift+"):
			shift, s = true, s[len("shift+"):]
		default:
			return ctrl, shift, s
		}
	}
}

// keysKey decodes one action's binding in [keys].
func (d *decoder) keysKey(path []string, v any) {
	action := path[1]
	if !slices.Contains(Actions, action) {
		fix := "valid actions are " + strings.Join(Actions, ", ")
		if s := suggestion(action, Actions, "[keys]"); strings.HasPrefix(s, "did you mean") {
			fix = s + " " + strings.ToUpper(fix[:1]) + fix[1:]
		}
		d.fail(path, fix, "unknown action %s in [keys]", bareKey(action))
		return
	}
	const example = `write quit = ["q", "ctrl+c"] or quit = "q"`
	var raw []string
	switch x := v.(type) {
	case string:
		raw = []string{x}
	case []any:
		for i, el := range x {
			s, ok := el.(string)
			if !ok {
				d.fail(append(slices.Clip(path), strconv.Itoa(i)), example, "keys.%s must hold strings, not %s", bareKey(action), typeName(el))
				return
			}
			raw = append(raw, s)
		}
	default:
		d.fail(path, example, "keys.%s must be a string or an array of strings, not %s", bareKey(action), typeName(v))
		return
	}
	if len(raw) == 0 {
		d.fail(path, `bind at least one key, e.g. `+bareKey(action)+` = ["x"], or remove the line to keep the default`, "keys.%s is empty", bareKey(action))
		return
	}
	d.bind(path, action, raw)
}

// bind records action's keys, refusing a key already bound to another
// action in the table.
func (d *decoder) bind(path []string, action string, raw []string) {
	if d.keyOwner == nil {
		d.keyOwner = map[string]string{}
	}
	var keys []string
	for _, s := range raw {
		k, err := NormalizeKey(s)
		if err != nil {
			d.fail(path, keyForms, "keys.%s: %s is not a key", bareKey(action), show(s))
			return
		}
		if other, ok := d.keyOwner[k]; ok && other != action {
			d.fail(path, "bind each key to one action", "key %s is bound to both %s and %s", show(s), other, action)
			return
		}
		d.keyOwner[k] = action
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	d.c.Keys[action] = keys
}
