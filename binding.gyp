{
  "targets": [
    {
      "target_name": "paperfeed_mmap",
      "sources": ["native/mmap.c"],
      "cflags": ["-O2", "-Wall"]
    }
  ]
}
