package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// Item bodies (the content HTML) are stored zstd-compressed: they are most
// of a store's bytes and are read one at a time, when a story is opened.
// An empty body is stored as an empty blob, not as a zstd frame.

var (
	zOnce sync.Once
	zEnc  *zstd.Encoder
	zDec  *zstd.Decoder
	zErr  error
)

// codec returns the shared encoder and decoder; EncodeAll and DecodeAll
// are safe for concurrent use, so refresh workers compress in parallel.
func codec() (*zstd.Encoder, *zstd.Decoder, error) {
	zOnce.Do(func() {
		// EncodeAll keeps one encoder per core for callers running at
		// once. The fastest level: story bodies compress nearly as well
		// as with the default (2.3× against 2.4× on the benchmark corpus)
		// in seven tenths of the time.
		zEnc, zErr = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithEncoderCRC(false))
		if zErr != nil {
			return
		}
		zDec, zErr = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0),
			zstd.WithDecoderMaxMemory(maxBodyBytes))
	})
	return zEnc, zDec, zErr
}

// maxBodyBytes bounds a decompressed body, so a damaged or hostile
// database cannot make a read allocate without limit.
const maxBodyBytes = 64 << 20

// packBody compresses one content body for the items.body column.
func packBody(content string) ([]byte, error) {
	if content == "" {
		return []byte{}, nil
	}
	enc, _, err := codec()
	if err != nil {
		return nil, fmt.Errorf("compress body: %w", err)
	}
	// EncodeAll only reads its input: it can read the string's bytes in
	// place instead of a copy the size of the body.
	src := unsafe.Slice(unsafe.StringData(content), len(content))
	return enc.EncodeAll(src, make([]byte, 0, len(content)/2)), nil
}

// unpackBody reverses packBody.
func unpackBody(b []byte) (string, error) {
	if len(b) == 0 {
		return "", nil
	}
	_, dec, err := codec()
	if err != nil {
		return "", fmt.Errorf("decompress body: %w", err)
	}
	out, err := dec.DecodeAll(b, nil)
	if err != nil {
		return "", fmt.Errorf("decompress body: %w", err)
	}
	return string(out), nil
}

// compressBodies is migration 5's Go step: it moves every item's content
// into the compressed body column, drops content, and rebuilds the search
// index in its new form.
func compressBodies(ctx context.Context, tx *sql.Tx) error {
	type row struct {
		id      int64
		content string
	}
	scanRow := func(sc scanner) (r row, err error) {
		err = sc.Scan(&r.id, &r.content)
		return r, err
	}
	update, err := tx.PrepareContext(ctx, "UPDATE items SET body = ? WHERE id = ?")
	if err != nil {
		return fmt.Errorf("compress bodies: %w", err)
	}
	defer update.Close()
	err = eachItem(ctx, tx, "content", scanRow, func(r row) int64 { return r.id }, func(r row) error {
		body, err := packBody(r.content)
		if err != nil {
			return err
		}
		if _, err := update.ExecContext(ctx, body, r.id); err != nil {
			return fmt.Errorf("item %d: %w", r.id, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("compress bodies: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "ALTER TABLE items DROP COLUMN content"); err != nil {
		return fmt.Errorf("drop uncompressed bodies: %w", err)
	}
	return reindexAll(ctx, tx)
}
