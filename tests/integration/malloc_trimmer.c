/* Soak diagnosis only (docs/reliability.md): preloaded into soffice (CPOM_OFFICE_PRELOAD), gives back to the system
 * the memory glibc keeps freed, on demand. A thread of ours looks every 50 ms for /tmp/cpom-trim-<pid>.request; when
 * it is there, it calls malloc_trim(0), removes the request and writes the count of trims done to
 * /tmp/cpom-trim-<pid>. (A signal would not do: LibreOffice unblocks them, and SIGUSR2 would end soffice.)
 *     gcc -shared -fPIC -O2 -o malloc_trimmer.so tests/integration/malloc_trimmer.c -lpthread
 */
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void* trim_on_request(void* unused) {
    (void)unused;
    char done_path[64], request[80];
    snprintf(done_path, sizeof done_path, "/tmp/cpom-trim-%d", (int)getpid());
    snprintf(request, sizeof request, "%s.request", done_path);
    for (unsigned long done = 0;;) {
        usleep(50000);
        if (access(request, F_OK) != 0) continue;
        malloc_trim(0);
        unlink(request);
        FILE* f = fopen(done_path, "w");
        if (f) {
            fprintf(f, "%lu\n", ++done);
            fclose(f);
        }
    }
    return NULL;
}

__attribute__((constructor)) static void start_trimmer(void) {
    pthread_t thread;
    if (pthread_create(&thread, NULL, trim_on_request, NULL) == 0) pthread_detach(thread);
}
