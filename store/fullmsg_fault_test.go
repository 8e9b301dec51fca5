package store

import (
	"strings"
	"testing"
)

// When the file cannot grow (quota, file-size limit: EDQUOT, EFBIG) SQLite
// reports a write I/O error, not SQLITE_FULL. The user still needs to be
// told which file and what to do, not "disk I/O error (778)".
func TestFailedGrowthNamesTheFileAndTheFix(t *testing.T) {
	path, msg := fillToLimit(t)
	if !strings.Contains(msg, path) || !strings.Contains(msg, "full") {
		t.Errorf("error = %q; want it to name %s and say the disk may be full", msg, path)
	}
}
