// The add-in's log: a file, never soffice's stdout. Level from CPOM_CALC_LOG_LEVEL (trace, debug, info, warn,
// error, off; default warn), file from CPOM_CALC_LOG_FILE or <temp>/cpom-calc-<user>.log.
#pragma once

#include <memory>

#include <spdlog/logger.h>

namespace cpom::addin {

// Created on first use, thread-safe; a logger that writes nowhere if the file cannot be opened.
spdlog::logger& log();

}  // namespace cpom::addin
