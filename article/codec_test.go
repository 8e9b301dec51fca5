package article

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestMarshalRoundTrip(t *testing.T) {
	zero, many := 0, 1234
	tests := []struct {
		name string
		a    Article
	}{
		{"extracted page", extractFixture(t, fixtures[0])},
		{"feed text", FromFeed(wholeFeedItem(t))},
		{"known zero comments", Article{Title: "T", Comments: Comments{Count: &zero}, Published: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)}},
		{"many comments, no photo", Article{Title: "T", Comments: Comments{Count: &many, URL: "https://e.example/c"}, Links: []string{"https://e.example/1"}}},
		{"empty", Article{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Marshal(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Unmarshal(data)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Published.Equal(tt.a.Published) {
				t.Errorf("Published = %v, want %v", got.Published, tt.a.Published)
			}
			got.Published, tt.a.Published = time.Time{}, time.Time{}
			if !reflect.DeepEqual(got, tt.a) {
				t.Errorf("round trip changed the article:\n got %+v\nwant %+v", got, tt.a)
			}
		})
	}
}

func TestUnmarshalUnknownStaysUnknown(t *testing.T) {
	data, err := Marshal(Article{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Comments.Count != nil {
		t.Errorf("unknown comment count came back as %d", *a.Comments.Count)
	}
}

func TestUnmarshalRejects(t *testing.T) {
	for name, data := range map[string]string{
		"garbage":       "not json",
		"truncated":     `{"v":1,"article":{"Title":"x`,
		"other version": `{"v":99,"article":{}}`,
		"no version":    `{"article":{}}`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Unmarshal([]byte(data)); err == nil {
				t.Error("Unmarshal accepted it")
			}
		})
	}
}

func TestUnmarshalSanitises(t *testing.T) {
	data := `{"v":1,"article":{"Title":"\u001b]0;pwned\u0007Real","Body":"text \u001b[2J more","Links":["https://e.example/\u001b[31m"],"Photo":{"Caption":"cap\u009b2J"}}}`
	a, err := Unmarshal([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{a.Title, a.Body, a.Links[0], a.Photo.Caption} {
		if bad := unsafeEscape(s); bad != "" {
			t.Errorf("%q carries %s", s, bad)
		}
	}
	if a.Title != "Real" {
		t.Errorf("Title = %q, want Real", a.Title)
	}
}

func TestPlainText(t *testing.T) {
	a := extractFixture(t, fixtures[0])
	text := PlainText(a)
	for _, want := range []string{
		"Pakistan refuses to battle Haqqani network", "Terrorism & Security", "Staff writer",
		haqqaniCaption, "Khalid Tanveer/Reuters", `the [Pakistani intelligence agency] ISI`,
		haqqaniParagraphs[0], haqqaniParagraphs[6],
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PlainText lacks %q", want)
		}
	}
	blog := PlainText(extractFixture(t, fixtures[5]))
	for _, want := range []string{"func decode(r io.Reader) (Event, error) {", "A note on sync.Pool", "package documentation is worth"} {
		if !strings.Contains(blog, want) {
			t.Errorf("PlainText lacks %q", want)
		}
	}
	for _, bad := range []string{`\[`, "```", "**", "[1]", "## "} {
		if strings.Contains(text+blog, bad) {
			t.Errorf("PlainText keeps markdown %q", bad)
		}
	}
}
