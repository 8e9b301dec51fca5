package main

import (
	"database/sql"
	"fmt"
	"os"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	db, _ := sql.Open("sqlite", "/tmp/try/n1000/newsterm.db")
	for _, q := range os.Args[2:] {
		for r := 0; r < 3; r++ {
			t := time.Now()
			rows, err := db.Query(q, os.Args[1])
			if err != nil {
				fmt.Println(err)
				break
			}
			n := 0
			for rows.Next() {
				n++
			}
			rows.Close()
			fmt.Printf("%d rows %v  %.60s\n", n, time.Since(t), q)
		}
	}
}
