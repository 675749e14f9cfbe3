// OpenDocument packages and flat files: the rules of untrusted.hpp for ODF (see docs/cli.md for the list).
#include "untrusted_odf.hpp"

#include <string>

#include "cpom/cli/untrusted.hpp"

namespace cpom::cli {

namespace {

using xml::attribute;
using xml::is;
using xml::quoted;

constexpr const char* k_office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr const char* k_table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr const char* k_draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
constexpr const char* k_style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr const char* k_text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char* k_meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
constexpr const char* k_script = "urn:oasis:names:tc:opendocument:xmlns:script:1.0";
constexpr const char* k_presentation = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0";
constexpr const char* k_form = "urn:oasis:names:tc:opendocument:xmlns:form:1.0";
constexpr const char* k_xlink = "http://www.w3.org/1999/xlink";
constexpr const char* k_chart = "urn:oasis:names:tc:opendocument:xmlns:chart:1.0";

std::string column_name(long column) {
    std::string name;
    for (++column; column > 0; column = (column - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (column - 1) % 26));
    return name;
}

long repeat(xmlNodePtr node, const char* local) {
    const std::string text = attribute(node, k_table, local);
    if (text.empty()) return 1;
    try {
        return std::max(1L, std::stol(text));
    } catch (...) {
        return 1;
    }
}

// A hyperlink a reader clicks (not fetched while loading): kept for the web and mail, dropped for anything that
// runs code or opens a local file.
bool is_plain_hyperlink(const std::string& target) {
    for (const char* scheme : {"http://", "https://", "mailto:"})
        if (target.rfind(scheme, 0) == 0) return true;
    return is_internal_target(target);
}

// External reference caches are sheets named 'url'#Sheet with a table:table-source: not sheets of the workbook.
bool is_external_cache(xmlNodePtr table) {
    const std::string name = attribute(table, k_table, "name");
    return name.size() > 2 && name.front() == '\'' && name.find("'#") != std::string::npos;
}

class OdfWalker {
public:
    explicit OdfWalker(xml::Notes& notes) : notes_(notes) {}

    // Returns true if `node` must be removed by its parent.
    bool visit(xmlNodePtr node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        if (is(node, k_office, "scripts") || is(node, k_office, "event-listeners") ||
            is(node, k_script, "event-listener") || is(node, k_presentation, "event-listener")) {
            count_events(node);
            return true;
        }
        if (is(node, k_office, "script")) {
            notes_.add("macros retirées");
            return true;
        }
        if (is(node, k_table, "dde-links") || is(node, k_office, "dde-source") || is(node, k_table, "dde-source")) {
            notes_.add("liens DDE retirés");
            return true;
        }
        if (is(node, k_meta, "template") || is(node, k_meta, "auto-reload")) return true;
        if (is(node, k_table, "table")) return visit_table(node);
        if (is(node, k_table, "cell-range-source")) {
            notes_.add("plage liée non mise à jour : " + quoted(attribute(node, k_xlink, "href")));
            return true;
        }
        if (is(node, k_table, "named-expression") || is(node, k_table, "named-range")) {
            for (const char* local : {"expression", "cell-range-address", "base-cell-address"})
                if (odf_formula_is_external(attribute(node, k_table, local))) {
                    notes_.add("nom défini retiré (lien externe) : " + quoted(attribute(node, k_table, "name")));
                    return true;
                }
        }
        if (is(node, k_table, "content-validation") && odf_formula_is_external(attribute(node, k_table, "condition"))) {
            notes_.add("validité de cellule retirée (lien externe)");
            return true;
        }
        if (is(node, k_table, "table-row")) return visit_row(node);
        if (is(node, k_table, "table-cell") || is(node, k_table, "covered-table-cell")) return visit_cell(node);
        if (xml::has_attribute(node, k_xlink, "href") && visit_link(node)) return true;
        if (xml::has_attribute(node, k_form, "image-data") &&
            !is_internal_target(attribute(node, k_form, "image-data")))
            xml::remove_attribute(node, k_form, "image-data");
        return visit_children(node);
    }

private:
    bool visit_children(xmlNodePtr node) {
        bool removed = false;
        for (xmlNodePtr child = node->children; child;) {
            xmlNodePtr next = child->next;
            if (visit(child)) {
                xml::remove(child);
                removed = true;
            }
            child = next;
        }
        // A frame whose only content was a linked picture or object goes too (an empty frame prints as a box).
        return removed && is(node, k_draw, "frame") && !has_content(node);
    }

    static bool has_content(xmlNodePtr frame) {
        for (xmlNodePtr child : xml::element_children(frame))
            if (child->ns && xmlStrEqual(child->ns->href, BAD_CAST k_draw) && !is(child, k_draw, "contour-polygon") &&
                !is(child, k_draw, "contour-path"))
                return true;
        return false;
    }

    void count_events(xmlNodePtr node) {
        std::size_t count = 0;
        for_each_element(node, [&](xmlNodePtr n) {
            if (is(n, k_script, "event-listener") || is(n, k_presentation, "event-listener")) ++count;
            if (is(n, k_office, "script")) notes_.add("macros retirées");
        });
        if (count > 0) events_ += count;
    }

    template <typename F>
    static void for_each_element(xmlNodePtr node, F f) {
        if (node->type != XML_ELEMENT_NODE) return;
        f(node);
        for (xmlNodePtr child = node->children; child; child = child->next) for_each_element(child, f);
    }

    bool visit_table(xmlNodePtr table) {
        for (xmlNodePtr child : xml::element_children(table))
            if (is(child, k_table, "table-source")) {
                if (is_external_cache(table)) return true;  // its formulas are turned into values below
                notes_.add("feuille liée non mise à jour : " + quoted(attribute(table, k_table, "name")) + " (" +
                           attribute(child, k_xlink, "href") + ")");
                xml::remove(child);
            }
        const std::string saved_sheet = sheet_;
        const long saved_row = row_;
        sheet_ = attribute(table, k_table, "name");
        row_ = 0;
        const bool remove = visit_children(table);
        sheet_ = saved_sheet;
        row_ = saved_row;
        return remove;
    }

    bool visit_row(xmlNodePtr row) {
        column_ = 0;
        const bool remove = visit_children(row);
        row_ += repeat(row, "number-rows-repeated");
        return remove;
    }

    bool visit_cell(xmlNodePtr cell) {
        const std::string formula = attribute(cell, k_table, "formula");
        if (!formula.empty() && odf_formula_is_external(formula)) {
            // The value the sender's office computed stays; the formula that would fetch it again goes.
            for (const char* local : {"formula", "number-matrix-columns-spanned", "number-matrix-rows-spanned"})
                xml::remove_attribute(cell, k_table, local);
            notes_.add("valeur de lien externe non mise à jour : " + sheet_ + "." + column_name(column_) +
                       std::to_string(row_ + 1));
        }
        const bool remove = visit_children(cell);
        column_ += repeat(cell, "number-columns-repeated");
        return remove;
    }

    // Returns true if the element goes.
    bool visit_link(xmlNodePtr node) {
        const std::string target = attribute(node, k_xlink, "href");
        if (is(node, k_text, "a") || is(node, k_draw, "a")) {
            if (!is_plain_hyperlink(target)) {
                notes_.add("lien hypertexte retiré : " + quoted(target));
                xml::remove_attribute(node, k_xlink, "href");
            }
            return false;
        }
        if (is_internal_target(target)) return false;
        if (is(node, k_chart, "chart") && target == "..") return false;  // the document that holds the chart
        if (is(node, k_draw, "image")) {
            notes_.add("image liée non chargée : " + quoted(target));
            return true;
        }
        if (is(node, k_draw, "object") || is(node, k_draw, "object-ole")) {
            notes_.add("objet OLE lié non chargé : " + quoted(target));
            return true;
        }
        if (is(node, k_draw, "plugin") || is(node, k_draw, "applet") || is(node, k_draw, "floating-frame")) {
            notes_.add("cadre ou module externe non chargé : " + quoted(target));
            return true;
        }
        if (is(node, k_draw, "fill-image")) {
            notes_.add("image de fond liée non chargée : " + quoted(target));
            return true;
        }
        if (is(node, k_style, "background-image"))
            notes_.add("image de fond liée non chargée : " + quoted(target));
        else
            notes_.add("lien retiré : " + quoted(target));
        xml::remove_attribute(node, k_xlink, "href");
        return false;
    }

public:
    std::size_t events_ = 0;

private:
    xml::Notes& notes_;
    std::string sheet_;
    long row_ = 0, column_ = 0;
};

}  // namespace

std::string neutralise_odf_xml(const std::string& text, const std::string& member, xml::Notes& notes) {
    xml::Tree tree(text, member);
    xml::Notes found;
    OdfWalker walker(found);
    if (walker.visit(tree.root())) throw UntrustedError("classeur refusé : " + member + " ne contient que des liens");
    if (walker.events_ > 0) found.add(std::to_string(walker.events_) + " liaisons d'événements à des macros retirées");
    for (const std::string& note : found.take()) notes.add(note);
    // Written back even without a note: what LibreOffice reads is exactly what was checked.
    return tree.serialise();
}

}  // namespace cpom::cli
