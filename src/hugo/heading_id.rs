//! Hugo's heading ids (`markup/goldmark/autoid.go`): github, github-ascii, blackfriday.
