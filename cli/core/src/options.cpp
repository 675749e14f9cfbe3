#include "cpom/cli/options.hpp"

#include <algorithm>
#include <boost/program_options.hpp>
#include <charconv>
#include <sstream>

namespace cpom::cli {

namespace po = boost::program_options;

namespace {

constexpr unsigned k_max_jobs = 64;
constexpr long k_max_timeout = 24 * 3600;

const char* const k_usage =
    "Usage : cpom-run [options] FICHIER|DOSSIER...\n"
    "Recalcule des classeurs CPOM (.ods, .ots, .xlsx…) dans LibreOffice sans interface, avec l'extension\n"
    "cpom-calc, et les exporte (ODS, PDF, CSV, XLSX en valeurs).\n"
    "Avec --template, les fichiers donnés sont des fichiers de données : un classeur par fichier.\n";

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const std::string& value : values) {
        std::stringstream stream(value);
        std::string item;
        while (std::getline(stream, item, ',')) {
            item.erase(0, item.find_first_not_of(" \t"));
            item.erase(item.find_last_not_of(" \t") + 1);
            if (!item.empty()) out.push_back(item);
        }
    }
    return out;
}

// Our own integer parsing: Boost's messages are in English and accept "2abc" in some versions.
long parse_integer(const std::string& text, const std::string& option) {
    long value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end)
        throw UsageError("--" + option + " : nombre entier attendu (« " + text + " »)");
    return value;
}

void require_file(const fs::path& path, const std::string& what) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw UsageError(what + " introuvable : " + path.string());
    if (!fs::is_regular_file(path, ec)) throw UsageError(what + " : pas un fichier : " + path.string());
}

fs::path default_oxt(const Environment& env) {
    const std::string name = "cpom-calc-" + env.version + ".oxt";
    // Built next to the binary (build/), or installed under <prefix>/share/cpom-calc/.
    for (const fs::path& candidate : {env.exe_dir / name, env.exe_dir / ".." / "share" / "cpom-calc" / name}) {
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) return fs::weakly_canonical(candidate, ec);
    }
    throw UsageError("extension " + name + " introuvable à côté du programme : indiquez-la avec --oxt");
}

po::options_description describe() {
    po::options_description options("Options", 110, 55);
    // Values are read as text and checked by hand, for French messages.
    // A table, one entry per line: kept as written.
    // clang-format off
    options.add_options()
        ("help,h", "affiche cette aide")
        ("version", "affiche la version")
        ("out,o", po::value<std::string>()->value_name("DOSSIER"), "dossier des résultats (défaut : out)")
        ("format,f", po::value<std::vector<std::string>>()->value_name("LISTE"),
         "formats, séparés par des virgules : ods, pdf, csv, xlsx (défaut : ods)")
        ("data,d", po::value<std::string>()->value_name("FICHIER"),
         "fichier de données (CSV ou JSON) appliqué à chaque classeur")
        ("template,t", po::value<std::string>()->value_name("MODELE"),
         "modèle à remplir : les fichiers donnés sont alors des fichiers de données")
        ("sheet,s", po::value<std::vector<std::string>>()->value_name("FEUILLE"),
         "feuille exportée en CSV et PDF (répétable ; défaut : toutes)")
        ("jobs,j", po::value<std::string>()->value_name("N"),
         "nombre de LibreOffice en parallèle (défaut : nombre de cœurs)")
        ("timeout", po::value<std::string>()->value_name("SECONDES"), "délai maximal par classeur (défaut : 180)")
        ("oxt", po::value<std::string>()->value_name("FICHIER"),
         "extension cpom-calc à installer (défaut : celle construite à côté du programme)")
        ("connect", po::value<std::string>()->value_name("CONNEXION"),
         "utiliser un LibreOffice déjà lancé avec --accept (ex. pipe,name=cpom) au lieu d'en démarrer")
        ("office", po::value<std::string>()->value_name("DOSSIER"),
         "dossier de soffice et unopkg (défaut : /usr/lib/libreoffice/program)")
        ("work-dir", po::value<std::string>()->value_name("DOSSIER"),
         "dossier des profils LibreOffice temporaires (défaut : $TMPDIR ou /tmp)")
        ("quiet,q", "pas d'affichage de progression")
        ("keep-active-content", "vos propres classeurs seulement : ouverts tels quels (images et objets liés chargés, "
                                "réseau permis) ; les sorties gardent macros, événements et liens externes")
        ("allow-errors", "un classeur écrit avec des cellules en erreur ne change pas le code de sortie (0 au lieu de 4)")
        ("report", po::value<std::string>()->value_name("FICHIER.json"),
         "écrit le compte rendu du traitement en JSON (état, résultats, cellules en erreur, durée de chaque classeur)")
        ("balance,b", po::value<std::vector<std::string>>()->value_name("CIBLE=FICHIER"),
         "balance à importer d'un FEC ou d'un CSV de balance (répétable) : balance:1=ehpad.fec (colonne 1 de la "
         "balance de l'errd), balance_n=fec-2024.txt, bilan_soldes=fec-2024.txt")
        ("extract,x", po::value<std::vector<std::string>>()->value_name("NOMS"),
         "plages nommées écrites, après le recalcul, dans <nom>.json, un fichier de données pour --data "
         "(séparées par des virgules, répétable ; * pour tout caractère : pgfp_*)");
    // clang-format on
    return options;
}

}  // namespace

const char* extension_of(Format format) {
    switch (format) {
        case Format::ods: return ".ods";
        case Format::csv: return ".csv";
        case Format::pdf: return ".pdf";
        case Format::xlsx: return ".xlsx";
    }
    return "";
}

std::vector<Format> parse_formats(const std::vector<std::string>& values) {
    std::vector<Format> formats;
    for (std::string item : split_commas(values)) {
        std::transform(item.begin(), item.end(), item.begin(), [](unsigned char c) { return std::tolower(c); });
        if (!item.empty() && item.front() == '.') item.erase(0, 1);
        Format format;
        if (item == "ods")
            format = Format::ods;
        else if (item == "pdf")
            format = Format::pdf;
        else if (item == "csv")
            format = Format::csv;
        else if (item == "xlsx")
            format = Format::xlsx;
        else
            throw UsageError("format inconnu « " + item + " » (ods, pdf, csv ou xlsx)");
        if (std::find(formats.begin(), formats.end(), format) == formats.end()) formats.push_back(format);
    }
    std::sort(formats.begin(), formats.end());
    return formats;
}

std::string normalise_connection(const std::string& text) {
    std::string value = text;
    if (value.rfind("uno:", 0) == 0) value.erase(0, 4);
    if (const auto semicolon = value.find(';'); semicolon != std::string::npos) value.erase(semicolon);
    const bool pipe = value.rfind("pipe,", 0) == 0 && value.find("name=") != std::string::npos;
    const bool socket = value.rfind("socket,", 0) == 0 && value.find("port=") != std::string::npos;
    if (!pipe && !socket)
        throw UsageError("--connect : « " + text +
                         " » n'est pas une connexion LibreOffice "
                         "(ex. pipe,name=cpom ou socket,host=localhost,port=2002)");
    return value;
}

Command parse_command_line(int argc, const char* const argv[], const Environment& env) {
    const po::options_description visible = describe();
    po::options_description all = visible;
    all.add_options()("input", po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add("input", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::unknown_option& e) {
        throw UsageError("option inconnue : " + e.get_option_name());
    } catch (const po::multiple_occurrences& e) {
        throw UsageError("option donnée deux fois : " + e.get_option_name());
    } catch (const po::invalid_command_line_syntax& e) {
        throw UsageError("valeur manquante pour " + e.get_option_name());
    } catch (const po::error& e) {
        throw UsageError(std::string("ligne de commande invalide (") + e.what() + ")");
    }

    Command command;
    if (vm.count("help")) {
        std::ostringstream help;
        help << k_usage << '\n'
             << visible
             << "\nCodes de sortie : 0 tout est fait ; 1 au moins un classeur en échec ; 2 erreur d'utilisation ;\n"
                "3 LibreOffice n'a pas pu démarrer ; 4 tout est écrit, mais avec des cellules en erreur ;\n"
                "130/143 interrompu (Ctrl-C / SIGTERM).\n"
                "Documentation : docs/cli.md\n";
        command.action = Action::help;
        command.help = help.str();
        return command;
    }
    if (vm.count("version")) {
        command.action = Action::version;
        return command;
    }

    Options& o = command.options;
    if (vm.count("input"))
        for (const std::string& input : vm["input"].as<std::vector<std::string>>()) o.inputs.emplace_back(input);
    if (o.inputs.empty()) throw UsageError("aucun fichier ni dossier à traiter");

    if (vm.count("out")) o.out_dir = vm["out"].as<std::string>();
    if (o.out_dir.empty()) throw UsageError("--out : dossier vide");
    std::error_code ec;
    if (fs::exists(o.out_dir, ec) && !fs::is_directory(o.out_dir, ec))
        throw UsageError("--out : " + o.out_dir.string() + " existe et n'est pas un dossier");

    o.formats = parse_formats(vm.count("format") ? vm["format"].as<std::vector<std::string>>()
                                                 : std::vector<std::string>{"ods"});
    if (o.formats.empty()) throw UsageError("--format : aucun format donné");

    if (vm.count("data")) {
        o.data_file = vm["data"].as<std::string>();
        require_file(*o.data_file, "fichier de données");
    }
    if (vm.count("template")) {
        if (o.data_file)
            throw UsageError("--data et --template s'excluent : avec --template, les fichiers donnés sont les données");
        o.template_file = vm["template"].as<std::string>();
        require_file(*o.template_file, "modèle");
    }
    if (vm.count("sheet")) {
        o.sheets = vm["sheet"].as<std::vector<std::string>>();
        for (const std::string& sheet : o.sheets)
            if (sheet.empty()) throw UsageError("--sheet : nom de feuille vide");
    }

    if (vm.count("connect")) o.connect = normalise_connection(vm["connect"].as<std::string>());

    if (vm.count("jobs")) {
        const long jobs = parse_integer(vm["jobs"].as<std::string>(), "jobs");
        if (jobs < 1) throw UsageError("--jobs : au moins 1");
        if (jobs > static_cast<long>(k_max_jobs)) throw UsageError("--jobs : au plus " + std::to_string(k_max_jobs));
        if (!o.connect.empty() && jobs > 1)
            throw UsageError("--connect utilise un seul LibreOffice : --jobs doit valoir 1");
        o.jobs = static_cast<unsigned>(jobs);
    } else {
        // One office per core; with --connect there is only the one we are given.
        o.jobs = o.connect.empty() ? std::clamp(env.cores, 1u, k_max_jobs) : 1u;
    }

    if (vm.count("timeout")) {
        const long seconds = parse_integer(vm["timeout"].as<std::string>(), "timeout");
        if (seconds < 1 || seconds > k_max_timeout) throw UsageError("--timeout : entre 1 et 86400 secondes");
        o.timeout = std::chrono::seconds(seconds);
    }

    o.office_program = vm.count("office") ? fs::path(vm["office"].as<std::string>()) : env.office_program;
    if (o.connect.empty()) {
        if (!fs::is_regular_file(o.office_program / "soffice", ec))
            throw UsageError("LibreOffice introuvable : " + (o.office_program / "soffice").string() +
                             " (option --office)");
        if (vm.count("oxt")) {
            o.oxt = vm["oxt"].as<std::string>();
            require_file(*o.oxt, "extension");
        } else {
            o.oxt = default_oxt(env);
        }
    } else if (vm.count("oxt")) {
        throw UsageError("--oxt et --connect s'excluent : l'extension doit déjà être installée dans ce LibreOffice");
    }

    o.work_dir = vm.count("work-dir") ? fs::path(vm["work-dir"].as<std::string>()) : env.temp_dir;
    if (!fs::is_directory(o.work_dir, ec))
        throw UsageError("--work-dir : dossier introuvable : " + o.work_dir.string());

    o.quiet = vm.count("quiet") > 0;
    o.keep_active_content = vm.count("keep-active-content") > 0;
    o.allow_errors = vm.count("allow-errors") > 0;
    if (vm.count("report")) {
        o.report = vm["report"].as<std::string>();  // its folder is created like --out's
        if (o.report->filename().empty() || fs::is_directory(*o.report, ec))
            throw UsageError("--report : nom de fichier attendu : " + o.report->string());
    }
    if (vm.count("balance"))
        for (const std::string& spec : vm["balance"].as<std::vector<std::string>>()) {
            try {
                o.balances.push_back(parse_balance_request(spec));
            } catch (const BalanceError& e) {
                throw UsageError(e.what());
            }
            require_file(o.balances.back().file, "balance");
        }
    if (vm.count("extract")) {
        o.extract = split_commas(vm["extract"].as<std::vector<std::string>>());
        if (o.extract.empty()) throw UsageError("--extract : noms de plages attendus (ex. pgfp_*)");
    }
    return command;
}

}  // namespace cpom::cli
