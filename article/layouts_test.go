package article

import (
	"strings"
	"testing"
	"time"

	"github.com/newsterm/newsterm/sanitize"
)

// layoutWant is what a reader must get from one of the testdata pages
// written in the layout of a common publishing system.
type layoutWant struct {
	title, section, dek, byline, date string
	comments                          int // -1: unknown
	caption, credit                   string
	body                              []string // in this order
	chrome                            []string // never shown
}

var layouts = map[string]layoutWant{
	"reuters-port": {
		title: "Dockworkers end strike at three northern ports after pay deal", section: "Business",
		dek: "Dockworkers at three northern ports returned to work", byline: "Lena Brandt and Tomas Viik", date: "2025-03-12", comments: -1,
		caption: "Cranes stand idle at a container terminal during the strike, March 5, 2025.", credit: "REUTERS/Anna Kowal/File Photo",
		body:   []string{"Unions accept 6.5% rise", "HAMBURG, March 12", "The deal gives about 12,000", "Port operators said", "Union leaders said", "Reporting by Lena Brandt"},
		chrome: []string{"Skip to", "Purchase Licensing", "Sign up", "Advertisement", "Our Standards", "Read Next", "Shoppers stock up", "All rights reserved", "opens new tab"},
	},
	"times-library": {
		title: "A Town Library Lends Out Tools, Telescopes and Time", section: "U.S.",
		dek: "In a Vermont town of 3,000 people", byline: "Ruth Amsel", date: "2024-10-06", comments: 187,
		caption: "The library in Alder Falls, Vt., keeps about 400 tools, from post-hole diggers to a pressure washer, in what was once its periodicals room.",
		credit:  "Oliver Marsh for The Daily Record",
		body:    []string{"On a Saturday morning", "The library started lending", "Borrowing rules", "A waiting list for the pressure washer", "People joke", "Other small libraries"},
		chrome:  []string{"Skip to", "SKIP ADVERTISEMENT", "Advertisement", "trouble retrieving", "log into", "Share full article", "More in Small Towns", "Site Index", "Credit...", "Reporting from"},
	},
	"liveblog-election": {
		title: "Harbour council by-election: results as they come in – live", section: "Local news",
		dek: "Counting resumes at 9am after a recount was called in the early hours", byline: "Priya Nair", date: "2025-05-02", comments: 1204,
		caption: "Ballot boxes are emptied at the count in the town hall on Thursday night.", credit: "Sam Okoro/The Coastal Courier",
		body:   []string{"07.05 BST", "Recount called in Harbour ward", "at least two bundles", "06.40 BST", "Turnout & the late count", "05.58 BST", "Good morning and welcome"},
		chrome: []string{"Skip to", "Key events", "Show key events", "Share on Facebook", "Updated at", "Most viewed", "discussion is now closed", "About us", "©"},
	},
	"wp-tt4-bakery": {
		title: "Why our sourdough takes three days", section: "Bread",
		dek: "From feeding the starter on Monday night", byline: "Hannah Colley", date: "2024-11-18", comments: 3,
		caption: "Loaves cooling on the rack",
		body:    []string{"People ask why a loaf", "Monday: feeding the starter", "Tuesday: mixing & the long rest", "Shaped loaves wait in their baskets before going into the fridge. — Tom Ashby", "Thursday: baking", "about half that."},
		chrome:  []string{"Skip to", "Bakehouse letter", "Email address", "Share this", "Related", "Baking with rye", "Tags:", "Mince pies", "responses to", "Leave a Reply", "Worth every penny", "Designed with", "Cookie", "cookies"},
	},
	"ghost-casper": {
		title: "What I learned repairing 100 bicycles", section: "Workshop",
		dek: "A year of Saturday mornings", byline: "Femi Adeyemi", date: "2024-04-21", comments: 5,
		caption: "The workshop's one good repair stand, bought with a grant in 2022.", credit: "Maren Kolb / Unsplash",
		body:   []string{"Every Saturday from nine", "1. Flat tyres", "Before fitting a new tube", "2. Brakes that barely work", "Pads taken off one bike", "3. Dry, rusty chains", "What it taught me", "what to do next time."},
		chrome: []string{"Sign in", "Subscribe", "6 min read", "Get new posts by email", "Your email", "Sign up for more", "How to measure chain wear", "Powered by Ghost", "©"},
	},
	"substack-letter": {
		title: "The quiet economics of the corner shop",
		dek:   "Why the shop on my street survives", byline: "Imogen Tate", date: "2025-01-14", comments: 38,
		caption: "The shop's till, which Raj says has outlived three owners of the laundrette next door.",
		body:    []string{"There is a shop at the end of my street", "The numbers are not glamorous", "Milk is a loss leader", "If I put the milk up", "The lottery works", "Next week: the laundrette."},
		chrome:  []string{"reader-supported", "Type your email", "Subscribe", "Share", "Link", "Discussion about this post", "Tom W", "Ready for more", "Start writing", "©", "214"},
	},
	"medium-essay": {
		title: "I Stopped Using Dark Mode for a Month. Here’s What Happened.",
		dek:   "A small experiment with screen contrast", byline: "Kasia Wren", date: "2024-08-09", comments: 41,
		credit: "Lena Rask on Unsplash",
		body:   []string{"For three years", "So I switched", "The first week was awful", "White backgrounds", "mostly needed a lamp on."},
		chrome: []string{"Sign in", "Write", "Follow", "min read", "1.8K", "Listen", "Share", "Written by", "More from Kasia Wren", "Recommended from Medium", "Help"},
	},
	"hugo-papermod": {
		title: "Rate limiting with a token bucket in 40 lines",
		dek:   "A small token bucket, why it beats a fixed window", byline: "Oskar Lind", date: "2024-05-30", comments: -1,
		body:   []string{"Most services need a rate limiter", "The bucket", "type Bucket struct {", "Refilling is lazy", "func (b *Bucket) Allow() bool {", "Testing without sleep", "production-grade version."},
		chrome: []string{"posts", "Archive", "Table of Contents", "Suggest Changes", "412 words", "« Prev", "Next »", "Powered by", "©", "1 2 3 4 5 6"},
	},
	"jekyll-minima": {
		title: "Counting birds with a Raspberry Pi",
		dek:   "A feeder camera, a small model", byline: "Wren Ellis", date: "2024-02-11", comments: -1,
		body:   []string{"Last winter I pointed", "[image: A camera in a plastic box strapped to a fence post] The camera, in a food box", "The setup", "for frame in camera.motion_frames():", "What came", "Great spotted woodpecker", "a coincidence."},
		chrome: []string{"Wren’s workbench", "About", "Projects", "wren@wren.example", "wrenellis", "Small projects with old computers"},
	},
	"drupal-council": {
		title: "New bus lanes on Station Road from June", section: "Transport",
		byline: "Gareth Pryce", date: "2025-04-08", comments: -1,
		caption: "Traffic on Station Road, where the council says buses lose up to eight minutes at peak times.", credit: "Elmstead Gazette",
		body:   []string{"Bus lanes will be painted", "The lanes will run", "Councillor Ann Whitlock", "Traders' concerns", "Work will take place overnight"},
		chrome: []string{"Skip to", "Search", "Main navigation", "Breadcrumb", "Submitted by", "Tags", "County council", "Log in", "to post comments", "About time", "Recent content", "Library opening hours", "©"},
	},
	"blogger-walks": {
		title: "The long way round Haystacks", byline: "Megan Hart", date: "2024-09-15", comments: 6,
		caption: "Innominate Tarn, with Dad for scale",
		body:    []string{"Nine miles, two tarns", "Dad wanted to go up", "The path up past", "[image]", "Innominate Tarn was as lovely"},
		chrome:  []string{"Fell Walks with Dad", "Every Wainwright", "Home", "The list", "Posted by", "comments:", "Email This", "BlogThis", "Labels", "Your dad is right", "Post a Comment", "Newer Post", "Subscribe to", "Blog Archive", "About Me", "Powered by", "2,024", "s1600"},
	},
	"main-pullquote": {
		title: "The last lighthouse keeper on the east coast hands over the keys", section: "Features",
		dek: "After 38 years, Morag Innes is leaving Skerry Point.", byline: "Calum Reid", date: "2025-02-03", comments: 312,
		caption: "Skerry Point lighthouse was built in 1832 and has had a keeper living beside it ever since", credit: "Getty Images",
		body:   []string{"Morag Innes climbed the 142 steps", "On Monday the light", "People ask if I'm lonely", "[image: A handwritten logbook open on a desk] The station's logbooks go back to 1832. — Calum Reid/Northern Review", "The lighthouse authority says", "visible from the bedroom window."},
		chrome: []string{"Log in", "Image caption", "Image source", "Comments (312)", "Comments are closed", "More features", "The ferry cook", "Registered in Scotland", "Copyright"},
	},
	"regional-cookies": {
		title: "Swimming pool to reopen after £3m roof repair", section: "Abermill News",
		dek: "The leisure centre pool in Abermill has been shut for 18 months.", byline: "Siân Morgan", date: "2025-06-19", comments: 27,
		caption: "Abermill Leisure Centre's pool has been closed since December 2023", credit: "Newsquest",
		body:   []string{"The swimming pool at Abermill", "The county council said", "Swimming clubs have been travelling", "It has been a very long year", "lane swimming from 6.30am on weekdays."},
		chrome: []string{"We value your privacy", "I Accept", "This content is provided by YouTube", "Allow and continue", "cookies", "The Morning Echo", "inbox", "Sign me up", "privacy notice", "Read more", "Share this article", "WhatsApp", "Read 27 comments", "Have your say", "Trending", "Road closed", "©"},
	},
	"ap-wildfire": {
		title: "Crews gain ground on wildfire that forced thousands to flee mountain towns", section: "U.S. News",
		dek: "Firefighters took advantage of calmer winds", byline: "Jesse Baylor", date: "2025-08-12", comments: -1,
		caption: "A firefighter watches flames move along a ridge near Pine Hollow, Colo., Monday, Aug. 11, 2025.", credit: "AP Photo/Rosa Lind",
		body:   []string{"PINE HOLLOW, Colo.", "The fire was 35% contained", "We finally caught a break", "About 4,000 residents", "under investigation.", "--------", "Mo Greene contributed"},
		chrome: []string{"World", "Politics", "Updated", "RELATED COVERAGE", "Evacuations ordered", "wildfire smoke", "___", "More stories", "Reservoirs", "Heat records", "Forest Service", "Copyright"},
	},
}

func TestLayouts(t *testing.T) {
	seen := 0
	for _, fx := range fixtures {
		want, ok := layouts[fx.name]
		if !ok {
			continue
		}
		seen++
		t.Run(fx.name, func(t *testing.T) {
			a := extractFixture(t, fx)
			date := ""
			if !a.Published.IsZero() {
				date = a.Published.Format(time.DateOnly)
			}
			if a.Title != want.title || a.Section != want.section || !strings.HasPrefix(a.Dek, want.dek) ||
				want.dek == "" && a.Dek != "" || a.Byline != want.byline || date != want.date {
				t.Errorf("header: title %q, section %q, dek %q, byline %q, date %q", a.Title, a.Section, a.Dek, a.Byline, date)
			}
			switch {
			case want.comments < 0 && a.Comments.Count != nil:
				t.Errorf("comment count = %d, want unknown", *a.Comments.Count)
			case want.comments >= 0 && (a.Comments.Count == nil || *a.Comments.Count != want.comments):
				t.Errorf("comment count = %v, want %d", a.Comments.Count, want.comments)
			}
			checkLayoutPhoto(t, a, want)
			out := sanitize.Strip(render(t, a, 80, StyleNoTTY))
			_, body, _ := strings.Cut(out, metaLineOf(a))
			body = collapseSpace(body)
			last := -1
			for _, s := range want.body {
				at := strings.Index(body, s)
				if at < 0 || at < last {
					t.Errorf("body lacks %q, or has it out of order", s)
					continue
				}
				last = at
			}
			for _, s := range want.chrome {
				if strings.Contains(body, s) {
					t.Errorf("output shows page chrome %q", s)
				}
			}
		})
	}
	if seen != len(layouts) {
		t.Errorf("%d layouts have no fixture", len(layouts)-seen)
	}
}

func checkLayoutPhoto(t *testing.T, a Article, want layoutWant) {
	t.Helper()
	if a.Photo == nil {
		if want.caption != "" || want.credit != "" {
			t.Error("no lead photo")
		}
		return
	}
	if a.Photo.Caption != want.caption || a.Photo.Credit != want.credit {
		t.Errorf("photo caption %q, credit %q", a.Photo.Caption, a.Photo.Credit)
	}
	if want.caption != "" && strings.Contains(a.Body, want.caption) {
		t.Error("the caption is repeated in the body")
	}
}

// metaLineOf is the rendered "byline · date · comments" line, after which
// the photo block and the body come.
func metaLineOf(a Article) string {
	line := strings.ReplaceAll(metaLine(a), nbsp, " ")
	if line == "" {
		return a.Title
	}
	return line
}
