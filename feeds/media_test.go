package feeds

import "testing"

func TestPhotoSources(t *testing.T) {
	feed := mustParseFile(t, "photos.rss", "https://photos.example/feed.rss")
	tests := []struct {
		guid                 string
		url, caption, credit string
		width, height        int
	}{
		{"p1", "https://i.photos.example/large.jpg", "Harbour at dawn, Tuesday.", "Ana Lens/Photo Agency", 460, 276},
		{"p2", "https://photos.example/img/still.png", "The still from the clip & more", "Ben Frame", 800, 450},
		{"p3", "https://photos.example/thumbs/p3.jpg", "The thumbnail's title", "", 150, 100},
		{"p4", "https://photos.example/enc/p4.jpg", "", "", 0, 0},
		{"p5", "https://art.photos.example/p5.jpg", "", "", 0, 0},
		{"p6", "https://v.photos.example/p6.jpg", "The video's description", "", 320, 180},
		{"p7", "https://i.photos.example/chart.PNG", "", "", 0, 0},
		{"p8", "https://i.photos.example/content.jpg", "", "", 0, 0},
		{"p9", "", "", "", 0, 0}, // javascript: is no image
	}
	for _, tt := range tests {
		t.Run(tt.guid, func(t *testing.T) {
			p := itemByGUID(t, feed, tt.guid).Photo
			if tt.url == "" {
				if p != nil {
					t.Errorf("photo = %+v, want none", *p)
				}
				return
			}
			if p == nil {
				t.Fatal("no photo")
			}
			want := Photo{URL: tt.url, Caption: tt.caption, Credit: tt.credit, Width: tt.width, Height: tt.height}
			if *p != want {
				t.Errorf("photo = %+v\nwant    %+v", *p, want)
			}
		})
	}
}

func TestPhotoAtomAndJSON(t *testing.T) {
	tests := []struct {
		file, base, guid, url, caption string
	}{
		{"atom.xml", "https://dev.example/atom.xml", "tag:dev.example,2024:3", "https://dev.example/img/diagram.png", ""},
		{"xmlbase.atom", "", "tag:base.example,2024:1", "https://base.example/blog/2024/thumb.jpg", "Video description"},
		{"jsonfeed.json", "https://micro.example/feed.json", "1", "https://micro.example/img/fish.jpg", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := itemByGUID(t, mustParseFile(t, tt.file, tt.base), tt.guid).Photo
			if p == nil || p.URL != tt.url || p.Caption != tt.caption {
				t.Errorf("photo = %+v, want %s %q", p, tt.url, tt.caption)
			}
		})
	}
}

func TestIsImage(t *testing.T) {
	tests := []struct {
		medium, typ, url string
		want             bool
	}{
		{"image", "", "x", true},
		{"", "image/webp", "x", true},
		{"", "", "https://a.example/p.JPEG?w=1", true},
		{"video", "image/jpeg", "a.jpg", false},
		{"", "audio/mpeg", "a.jpg", false},
		{"", "", "https://a.example/clip.mp4", false},
		{"", "", "%zz", false},
	}
	for _, tt := range tests {
		if got := isImage(tt.medium, tt.typ, tt.url); got != tt.want {
			t.Errorf("isImage(%q, %q, %q) = %v", tt.medium, tt.typ, tt.url, got)
		}
	}
}
