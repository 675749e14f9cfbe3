// Office Open XML packages (.xlsx, .xlsm, .xltx): the rules of untrusted.hpp for OOXML (see docs/cli.md).
#include <map>
#include <set>

#include "cpom/cli/untrusted.hpp"
#include "untrusted_odf.hpp"

namespace cpom::cli {

namespace {

using xml::attribute;
using xml::is;
using xml::quoted;

constexpr const char* k_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* k_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* k_officedoc_rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string type_of(xmlNodePtr relationship) {
    const std::string type = attribute(relationship, nullptr, "Type");
    return type.substr(type.rfind('/') + 1);
}

// "xl/worksheets/_rels/sheet1.xml.rels" + "../media/a.png" → "xl/media/a.png"
std::string resolve(const std::string& rels_member, const std::string& target) {
    if (!target.empty() && target.front() == '/') return target.substr(1);
    std::string folder = rels_member.substr(0, rels_member.find("_rels/"));
    std::string rest = target;
    while (rest.rfind("../", 0) == 0) {
        rest.erase(0, 3);
        if (!folder.empty()) folder.pop_back();
        folder.erase(folder.rfind('/') == std::string::npos ? 0 : folder.rfind('/') + 1);
    }
    return folder + rest;
}

// Parts that hold code, data connections or links to other files: removed with their relationship.
const std::map<std::string, std::string> k_active_parts = {
    {"vbaProject", "macros retirées"},
    {"vbaProjectSignature", ""},
    {"activeXControl", "contrôles ActiveX retirés"},
    {"connections", "connexions de données retirées"},
    {"queryTable", "connexions de données retirées"},
    {"externalLink", ""},                  // its formulas are turned into values: each one is noted
    {"extensibility", "macros retirées"},  // customUI callbacks
};

class OoxmlNeutraliser {
public:
    OoxmlNeutraliser(ZipPackage& package, xml::Notes& notes) : package_(package), notes_(notes) {}

    void run() {
        read_sheet_names();
        for (const std::string& name : std::vector<std::string>(package_.names()))
            if (ends_with(name, ".rels") && package_.has(name)) relationships(name);
        for (const std::string& part : removed_parts_) {
            const std::size_t slash = part.rfind('/') + 1;  // 0 when there is none
            package_.remove(part);
            package_.remove(part.substr(0, slash) + "_rels/" + part.substr(slash) + ".rels");
        }
        for (const std::string& name : std::vector<std::string>(package_.names())) {
            if (!ends_with(name, ".xml") || !package_.has(name)) continue;
            xml::Tree tree(package_.read(name), name);
            if (name == workbook_) workbook(tree.root());
            const auto sheet = sheet_names_.find(name);
            strip(tree.root(), sheet == sheet_names_.end() ? nullptr : &sheet->second);
            package_.replace(name, tree.serialise());
        }
    }

private:
    void read_sheet_names() {
        // The workbook part is the target of the package's officeDocument relationship.
        workbook_ = "xl/workbook.xml";
        if (package_.has("_rels/.rels")) {
            xml::Tree rels(package_.read("_rels/.rels"), "_rels/.rels");
            for (xmlNodePtr r : xml::element_children(rels.root()))
                if (type_of(r) == "officeDocument") workbook_ = resolve("_rels/.rels", attribute(r, nullptr, "Target"));
        }
        const std::string rels_name = workbook_.substr(0, workbook_.rfind('/') + 1) + "_rels/" +
                                      workbook_.substr(workbook_.rfind('/') + 1) + ".rels";
        if (!package_.has(workbook_) || !package_.has(rels_name)) return;
        std::map<std::string, std::string> targets;
        xml::Tree rels(package_.read(rels_name), rels_name);
        for (xmlNodePtr r : xml::element_children(rels.root()))
            targets[attribute(r, nullptr, "Id")] = resolve(rels_name, attribute(r, nullptr, "Target"));
        xml::Tree book(package_.read(workbook_), workbook_);
        for (xmlNodePtr node : xml::element_children(book.root()))
            if (is(node, k_main, "sheets"))
                for (xmlNodePtr sheet : xml::element_children(node))
                    sheet_names_[targets[attribute(sheet, k_officedoc_rels, "id")]] = attribute(sheet, nullptr, "name");
    }

    void relationships(const std::string& name) {
        xml::Tree tree(package_.read(name), name);
        for (xmlNodePtr r : xml::element_children(tree.root())) {
            if (!is(r, k_rels, "Relationship")) continue;
            const std::string type = type_of(r), target = attribute(r, nullptr, "Target");
            if (attribute(r, nullptr, "TargetMode") == "External") {
                if (type == "hyperlink") continue;  // clicked by a reader, never fetched
                if (type == "image")
                    notes_.add("image liée non chargée : " + quoted(target));
                else if (type == "oleObject")
                    notes_.add("objet OLE lié non chargé : " + quoted(target));
                else if (type.find("xternalLink") == std::string::npos)
                    notes_.add("lien retiré : " + quoted(target));
                xml::remove(r);
                continue;
            }
            const auto active = k_active_parts.find(type);
            if (active == k_active_parts.end()) continue;
            if (!active->second.empty()) notes_.add(active->second);
            removed_parts_.insert(resolve(name, target));
            xml::remove(r);
        }
        package_.replace(name, tree.serialise());
    }

    void workbook(xmlNodePtr root) {
        for (xmlNodePtr node : xml::element_children(root)) {
            if (is(node, k_main, "externalReferences")) {
                xml::remove(node);
                continue;  // freed: never read again (ASan found the read of the next test)
            }
            if (!is(node, k_main, "definedNames")) continue;
            for (xmlNodePtr name : xml::element_children(node))
                if (ooxml_formula_is_external(content(name))) {
                    notes_.add("nom défini retiré (lien externe) : " + quoted(attribute(name, nullptr, "name")));
                    xml::remove(name);
                }
        }
    }

    static std::string content(xmlNodePtr node) {
        xmlChar* text = xmlNodeGetContent(node);
        std::string out = text ? reinterpret_cast<const char*>(text) : "";
        xmlFree(text);
        return out;
    }

    // Every part: macro bindings of shapes and form controls, linked OLE objects, and in a worksheet the formulas
    // that reach outside (shared formulas follow their first cell).
    void strip(xmlNodePtr node, const std::string* sheet) {
        std::set<std::string> shared;
        strip_node(node, sheet, shared);
        if (!shared.empty()) strip_shared(node, *sheet, shared);
    }

    void strip_node(xmlNodePtr node, const std::string* sheet, std::set<std::string>& shared) {
        for (const char* macro : {"macro", "fmlaMacro"}) xml::remove_attribute(node, nullptr, macro);
        for (xmlNodePtr child : xml::element_children(node)) {
            if (is(child, k_main, "oleObject") && !attribute(child, nullptr, "link").empty()) {
                xml::remove(child);  // its target, an external relationship of an external link part, is noted
                continue;
            }
            if (sheet && is(child, k_main, "f") && ooxml_formula_is_external(content(child))) {
                if (attribute(child, nullptr, "t") == "shared") shared.insert(attribute(child, nullptr, "si"));
                notes_.add("valeur de lien externe non mise à jour : " + *sheet + "." + attribute(node, nullptr, "r"));
                xml::remove(child);
                continue;
            }
            strip_node(child, sheet, shared);
        }
    }

    void strip_shared(xmlNodePtr node, const std::string& sheet, const std::set<std::string>& shared) {
        for (xmlNodePtr child : xml::element_children(node)) {
            if (is(child, k_main, "f") && attribute(child, nullptr, "t") == "shared" &&
                shared.count(attribute(child, nullptr, "si"))) {
                notes_.add("valeur de lien externe non mise à jour : " + sheet + "." + attribute(node, nullptr, "r"));
                xml::remove(child);
                continue;
            }
            strip_shared(child, sheet, shared);
        }
    }

    ZipPackage& package_;
    xml::Notes& notes_;
    std::string workbook_;
    std::map<std::string, std::string> sheet_names_;  // worksheet part → sheet name
    std::set<std::string> removed_parts_;
};

}  // namespace

void neutralise_ooxml_package(ZipPackage& package, xml::Notes& notes) { OoxmlNeutraliser(package, notes).run(); }

}  // namespace cpom::cli
