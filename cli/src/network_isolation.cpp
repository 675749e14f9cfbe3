#include "network_isolation.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <mutex>

#include "cpom/cli/office_process.hpp"

extern char** environ;

namespace cpom::cli {

const std::vector<std::string>& network_isolation_prefix(std::string& why) {
    static std::once_flag once;
    static std::vector<std::string> prefix;
    static std::string refusal;
    std::call_once(once, [] {
        const std::string unshare = "/usr/bin/unshare";
        std::vector<std::string> candidate = {unshare, "--net"};
        if (::geteuid() != 0) candidate.push_back("--map-current-user");
        if (!std::filesystem::exists(unshare)) {
            refusal = unshare + " absent (paquet util-linux)";
            return;
        }
        std::vector<std::string> probe = candidate;
        probe.push_back("/bin/true");
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e) env.emplace_back(*e);
        try {
            const pid_t pid = spawn_process(probe, env, "/dev/null");
            int status = 0;
            if (!wait_process(pid, std::chrono::seconds(10), &status)) {
                kill_process_group(pid);
                refusal = "unshare ne répond pas";
            } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                refusal = "le système refuse les espaces de noms réseau (unshare --net)";
            } else {
                prefix = candidate;
            }
        } catch (const OfficeError& e) {
            refusal = e.what();
        }
    });
    why = refusal;
    return prefix;
}

}  // namespace cpom::cli
