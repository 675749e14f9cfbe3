// A minimal Calc add-in, for the benchmark only (benchmarks/office): the reference cost of one add-in call.
// Same model as the real add-in (addin/src/cpom_functions.cpp): a UNO component offering com.sun.star.sheet.AddIn,
// described by CalcAddIns.xcu. Its methods do the least with their arguments: what they cost is Calc's call and
// argument conversions, the floor under any add-in function taking the same argument types.
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/cpom/bench/XMinimal.hpp>

namespace {

using Cells = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

double first_number(const Cells& cells) {
    double x = 0.0;
    if (cells.hasElements() && cells[0].hasElements()) cells[0][0] >>= x;
    return x;
}

double number(const css::uno::Any& value) {
    double x = 0.0;
    value >>= x;
    return x;
}

constexpr char k_implementation_name[] = "org.cpom.bench.Minimal";

css::uno::Sequence<rtl::OUString> service_names() {
    css::uno::Sequence<rtl::OUString> names(2);
    names.getArray()[0] = "com.sun.star.sheet.AddIn";
    names.getArray()[1] = rtl::OUString::createFromAscii(k_implementation_name);
    return names;
}

class Minimal : public cppu::WeakImplHelper2<org::cpom::bench::XMinimal, css::lang::XServiceInfo> {
public:
    double SAL_CALL minimalSum(double a, double b, double c) override { return a + b + c; }
    double SAL_CALL minimalSumCells(const Cells& a, const Cells& b, const Cells& c) override {
        return first_number(a) + first_number(b) + first_number(c);
    }
    double SAL_CALL minimalSumAny(const css::uno::Any& a, const css::uno::Any& b, const css::uno::Any& c) override {
        return number(a) + number(b) + number(c);
    }
    double SAL_CALL minimalColumns(const Cells& accounts, const Cells& amounts) override {
        double sum = 0.0;
        for (const auto& row : amounts) {
            for (const auto& cell : row) sum += number(cell);
        }
        return sum + static_cast<double>(accounts.getLength()) * 0.0;
    }
    double SAL_CALL minimalColumnsDouble(const Cells& accounts,
                                         const css::uno::Sequence<css::uno::Sequence<double>>& amounts) override {
        double sum = 0.0;
        for (const auto& row : amounts) {
            for (double x : row) sum += x;
        }
        return sum + static_cast<double>(accounts.getLength()) * 0.0;
    }

    rtl::OUString SAL_CALL getImplementationName() override {
        return rtl::OUString::createFromAscii(k_implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override { return cppu::supportsService(this, name); }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override { return service_names(); }
};

css::uno::Reference<css::uno::XInterface> SAL_CALL create(const css::uno::Reference<css::uno::XComponentContext>&) {
    return static_cast<cppu::OWeakObject*>(new Minimal);
}

rtl::OUString SAL_CALL implementation_name() { return rtl::OUString::createFromAscii(k_implementation_name); }

const cppu::ImplementationEntry k_entries[] = {
    {create, implementation_name, service_names, cppu::createSingleComponentFactory, nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0},
};

}  // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* implementation, void* service_manager,
                                                                    void* registry_key) {
    return cppu::component_getFactoryHelper(implementation, service_manager, registry_key, k_entries);
}
