// Specification: every user-visible string of the sources has a finished translation in every
// shipped language (German, French, Spanish, Japanese, Arabic) that keeps its placeholders; the
// app follows the chosen or the system language and mirrors its layout for Arabic.
#include "ui/Translations.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QStringList translations; // one, or the numerus forms
    bool unfinished = false;
};

QList<Message> readTs(const QString &path, QString *language = nullptr)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS") && language)
            *language = xml.attributes().value(QLatin1String("language")).toString();
        else if (name == QLatin1String("name"))
            context = xml.readElementText();
        else if (name == QLatin1String("message")) {
            current = Message();
            current.context = context;
            current.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source"))
            current.source = xml.readElementText();
        else if (name == QLatin1String("comment"))
            current.comment = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            current.unfinished = type == QLatin1String("unfinished")
                || type == QLatin1String("obsolete") || type == QLatin1String("vanished");
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations.append(xml.readElementText());
            } else {
                current.translations.append(xml.readElementText());
            }
            messages.append(current);
        }
    }
    return messages;
}

QString key(const Message &message)
{
    return message.context + QLatin1Char('\x1f') + message.source + QLatin1Char('\x1f')
        + message.comment;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?\\d+|%n"));
    QStringList found;
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        found.append(it.next().captured().remove(QLatin1Char('L')));
    found.sort();
    found.removeDuplicates();
    return found;
}

const QStringList shipped{QStringLiteral("ar"), QStringLiteral("de"), QStringLiteral("es"),
                          QStringLiteral("fr"), QStringLiteral("ja")};

QString tsFile(const QString &language)
{
    return QStringLiteral(CONNECT_DESKTOP_SOURCE_DIR "/translations/connect-desktop_%1.ts")
        .arg(language);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<Message> m_sources; // what lupdate finds in the sources now

private Q_SLOTS:
    void initTestCase()
    {
        // The sources as they are, through lupdate: the list every language must cover.
        const QString scan = m_dir.filePath(QStringLiteral("sources_de.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(CONNECT_DESKTOP_SOURCE_DIR));
        lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                      {QStringLiteral("-silent"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-extensions"),
                       QStringLiteral("cpp,h"), QStringLiteral("src"), QStringLiteral("app"),
                       QStringLiteral("-ts"), scan});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        QCOMPARE(lupdate.exitCode(), 0);
        m_sources = readTs(scan);
        QVERIFY(m_sources.size() > 100);
    }

    void everySourceStringIsTranslatedInEveryLanguage_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : shipped)
            QTest::newRow(qPrintable(language)) << language;
    }

    void everySourceStringIsTranslatedInEveryLanguage()
    {
        QFETCH(QString, language);
        QHash<QString, Message> translated;
        for (const Message &message : readTs(tsFile(language)))
            translated.insert(key(message), message);
        QStringList missing;
        for (const Message &source : std::as_const(m_sources)) {
            const auto found = translated.constFind(key(source));
            const bool empty = found == translated.constEnd() || found->unfinished
                || found->translations.isEmpty()
                || std::any_of(found->translations.cbegin(), found->translations.cend(),
                               [](const QString &text) { return text.isEmpty(); });
            if (empty)
                missing.append(source.context + QStringLiteral(": ") + source.source);
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 untranslated in %2 (run translations/update.sh "
                                           "and translate them):\n  %3")
                                .arg(missing.size())
                                .arg(language, missing.join(QStringLiteral("\n  ")))));
    }

    void translationsKeepThePlaceholders_data()
    {
        everySourceStringIsTranslatedInEveryLanguage_data();
    }

    void translationsKeepThePlaceholders()
    {
        QFETCH(QString, language);
        QStringList wrong;
        for (const Message &message : readTs(tsFile(language))) {
            for (const QString &text : message.translations) {
                QStringList expected = placeholders(message.source);
                QStringList actual = placeholders(text);
                // A plural form may say "one" in words instead of %n.
                if (message.numerus) {
                    expected.removeAll(QStringLiteral("%n"));
                    actual.removeAll(QStringLiteral("%n"));
                }
                if (expected != actual)
                    wrong.append(message.source + QStringLiteral(" → ") + text);
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    void theTranslationsAreBuiltIn()
    {
        QStringList expected = shipped;
        expected.append(QStringLiteral("en"));
        expected.sort();
        QCOMPARE(Translations::available(), expected);
    }

    void theChosenLanguageWinsAndRegionsFallBackToTheirLanguage()
    {
        QCOMPARE(Translations::resolve(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(Translations::resolve(QStringLiteral("fr_CA")), QStringLiteral("fr"));
        QCOMPARE(Translations::resolve(QStringLiteral("pt_BR")), QStringLiteral("en"));
    }

    void germanIsInstalledAndAsksPagesForGerman()
    {
        Translations::install(QStringLiteral("de"));
        QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
        QCOMPARE(QCoreApplication::translate("ConnectWindow", "Connect an account"),
                 QStringLiteral("Konto verbinden"));
        QCOMPARE(Translations::acceptLanguage(QStringLiteral("de")), QStringLiteral("de,en;q=0.8"));
    }

    void arabicMirrorsTheLayout()
    {
        Translations::install(QStringLiteral("ar"));
        QCOMPARE(QApplication::layoutDirection(), Qt::RightToLeft);
        QVERIFY(QCoreApplication::translate("ConnectWindow", "Connect an account")
                != QLatin1String("Connect an account"));
        Translations::install(QStringLiteral("en"));
        QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
        QCOMPARE(QCoreApplication::translate("ConnectWindow", "Connect an account"),
                 QStringLiteral("Connect an account"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
