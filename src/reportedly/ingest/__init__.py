"""Reading inputs: files, stdin, and their validation."""
