#include "invoke.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/NoConvergenceException.hpp>

#include "cpom/calls/call_args.hpp"
#include "cpom/error.hpp"
#include "cpom/uno/text.hpp"
#include "logging.hpp"
#include "uno_conversion.hpp"

namespace cpom::addin {
namespace {

[[noreturn]] void throw_illegal_argument(const std::string& message) {
    throw css::lang::IllegalArgumentException(uno::to_oustring(message), {}, 0);
}

template <typename Convert>
auto run(std::size_t function_index, Blocks args, calls::Language language, Convert convert)
    -> decltype(convert(calls::Value{})) {
    const calls::FunctionSpec& spec = calls::functions()[function_index];
    try {
        return convert(calls::call(spec, args, language));
    } catch (const ArgumentError& e) {
        log().debug("{}: {}", spec.name, e.what());
        throw_illegal_argument(e.what());
    } catch (const NoConvergence& e) {
        log().info("{}: no convergence: {}", spec.name, e.what());
        throw css::sheet::NoConvergenceException(uno::to_oustring(e.what()), {});
    } catch (const calls::CallError& e) {
        log().debug("{}: {}", spec.name, e.what());
        throw_illegal_argument(e.what());
    } catch (const ResultError& e) {
        log().debug("{}: {}", spec.name, e.what());
        throw_illegal_argument(e.what());
    } catch (const std::exception& e) {
        log().error("{}: unexpected failure: {}", spec.name, e.what());
        throw_illegal_argument(std::string("erreur interne : ") + e.what());
    } catch (...) {
        log().error("{}: unexpected failure of unknown type", spec.name);
        throw_illegal_argument("erreur interne");
    }
}

}  // namespace

double invoke_number(std::size_t function_index, Blocks args, calls::Language language) {
    return run(function_index, args, language, [](const calls::Value& v) { return to_number_result(v); });
}

rtl::OUString invoke_text(std::size_t function_index, Blocks args, calls::Language language) {
    return run(function_index, args, language, [](const calls::Value& v) { return to_text_result(v); });
}

css::uno::Sequence<css::uno::Sequence<double>> invoke_matrix(std::size_t function_index, Blocks args,
                                                             calls::Language language) {
    return run(function_index, args, language, [](const calls::Value& v) { return to_matrix_result(v); });
}

css::uno::Sequence<css::uno::Sequence<css::uno::Any>> invoke_table(std::size_t function_index, Blocks args,
                                                                   calls::Language language) {
    return run(function_index, args, language, [](const calls::Value& v) { return to_table_result(v); });
}

}  // namespace cpom::addin
