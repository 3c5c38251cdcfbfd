/*
 * Maps a file read-only into memory as an ArrayBuffer (copy-on-write, so a stray write never
 * reaches the file). Loading a saved search index this way touches no page until a query reads
 * it, and pages come from the page cache instead of being copied into fresh memory.
 *
 * populateMaps(path) fills in, on a thread of the pool, the page tables of every map this process
 * already has of the file (SQLite's map of its database, say), so that queries do not fault the
 * pages in one at a time (see populateFileMaps in src/search/persist/map-file.ts for why, and bench/RESULTS.md for what it saves).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <node_api.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

static void unmap(napi_env env, void *data, void *hint) {
  (void)env;
  munmap(data, (size_t)(uintptr_t)hint);
}

static napi_value fail(napi_env env, const char *what, const char *path) {
  char message[4200];
  snprintf(message, sizeof message, "%s %s: %s", what, path, strerror(errno));
  napi_throw_error(env, NULL, message);
  return NULL;
}

static napi_value map_file(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char path[4096];
  size_t length = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_string_utf8(env, argv[0], path, sizeof path, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "mapFile(path): path must be a string");
    return NULL;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(env, "cannot open", path);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    close(fd);
    return fail(env, "cannot stat", path);
  }
  size_t size = (size_t)st.st_size;
  napi_value buffer;
  if (size == 0) {
    close(fd);
    napi_create_arraybuffer(env, 0, NULL, &buffer);
    return buffer;
  }
  void *data = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  close(fd);
  if (data == MAP_FAILED) return fail(env, "cannot map", path);
  if (napi_create_external_arraybuffer(env, data, size, unmap, (void *)(uintptr_t)size, &buffer) != napi_ok) {
    munmap(data, size);
    napi_throw_error(env, NULL, "cannot wrap the mapped file");
    return NULL;
  }
  return buffer;
}

typedef struct {
  char path[4096];
  napi_deferred deferred;
  napi_async_work work;
  /* Bytes of maps populated; `error` says why when the job failed (the promise is rejected). */
  double bytes;
  char error[256];
} populate_job;

/* Every map of the file (same device and inode) in /proc/self/maps, populated for reading. */
static void populate_execute(napi_env env, void *data) {
  (void)env;
  populate_job *job = data;
  struct stat st;
  if (stat(job->path, &st) != 0) {
    snprintf(job->error, sizeof job->error, "cannot stat: %s", strerror(errno));
    return;
  }
  FILE *maps = fopen("/proc/self/maps", "r");
  if (!maps) {
    snprintf(job->error, sizeof job->error, "cannot read /proc/self/maps: %s", strerror(errno));
    return;
  }
  char line[4608];
  while (fgets(line, sizeof line, maps)) {
    unsigned long start, end, inode;
    unsigned int major_dev, minor_dev;
    char perms[8];
    if (sscanf(line, "%lx-%lx %7s %*x %x:%x %lu", &start, &end, perms, &major_dev, &minor_dev, &inode) != 6) continue;
    if (perms[0] != 'r' || inode != (unsigned long)st.st_ino || major_dev != major(st.st_dev) || minor_dev != minor(st.st_dev)) continue;
    /* A map SQLite drops meanwhile fails with ENOMEM: nothing to populate there any more. */
    if (madvise((void *)start, end - start, MADV_POPULATE_READ) == 0) job->bytes += (double)(end - start);
    else if (errno == EINVAL) {
      snprintf(job->error, sizeof job->error, "this kernel cannot populate maps (MADV_POPULATE_READ, Linux 5.14)");
      break;
    }
  }
  fclose(maps);
}

static void populate_complete(napi_env env, napi_status status, void *data) {
  populate_job *job = data;
  napi_value value;
  if (status == napi_ok && job->error[0] == 0) {
    napi_create_double(env, job->bytes, &value);
    napi_resolve_deferred(env, job->deferred, value);
  } else {
    napi_value message;
    char text[4400];
    snprintf(text, sizeof text, "populateMaps %s: %s", job->path, job->error[0] ? job->error : "cancelled");
    napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, NULL, message, &value);
    napi_reject_deferred(env, job->deferred, value);
  }
  napi_delete_async_work(env, job->work);
  free(job);
}

static napi_value populate_maps(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  populate_job *job = calloc(1, sizeof *job);
  size_t length = 0;
  if (!job) {
    napi_throw_error(env, NULL, "populateMaps: out of memory");
    return NULL;
  }
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_string_utf8(env, argv[0], job->path, sizeof job->path, &length) != napi_ok) {
    free(job);
    napi_throw_type_error(env, NULL, "populateMaps(path): path must be a string");
    return NULL;
  }
  napi_value promise, name;
  napi_create_promise(env, &job->deferred, &promise);
  napi_create_string_utf8(env, "paperfeed:populateMaps", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, NULL, name, populate_execute, populate_complete, job, &job->work);
  napi_queue_async_work(env, job->work);
  return promise;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "mapFile", NAPI_AUTO_LENGTH, map_file, NULL, &fn);
  napi_set_named_property(env, exports, "mapFile", fn);
  napi_create_function(env, "populateMaps", NAPI_AUTO_LENGTH, populate_maps, NULL, &fn);
  napi_set_named_property(env, exports, "populateMaps", fn);
  return exports;
}
