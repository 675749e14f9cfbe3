#include "logging.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

namespace cpom::addin {
namespace {

std::string log_path() {
    if (const char* path = std::getenv("CPOM_CALC_LOG_FILE"); path && *path) return path;
    std::error_code ignored;
    const auto dir = std::filesystem::temp_directory_path(ignored);
    return (dir / ("cpom-calc-" + std::to_string(::getuid()) + ".log")).string();
}

std::shared_ptr<spdlog::logger> make_logger() {
    const char* level = std::getenv("CPOM_CALC_LOG_LEVEL");
    const auto wanted = spdlog::level::from_str(level && *level ? level : "warn");
    try {
        auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(log_path());
        auto logger = std::make_shared<spdlog::logger>("cpom-calc", std::move(sink));
        logger->set_level(wanted);
        logger->flush_on(spdlog::level::warn);
        return logger;
    } catch (const std::exception&) {
        return std::make_shared<spdlog::logger>("cpom-calc", std::make_shared<spdlog::sinks::null_sink_mt>());
    }
}

}  // namespace

spdlog::logger& log() {
    static const std::shared_ptr<spdlog::logger> logger = make_logger();  // C++11 magic static: thread-safe
    return *logger;
}

}  // namespace cpom::addin
