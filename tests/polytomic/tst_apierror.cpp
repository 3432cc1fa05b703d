// Specification: both error shapes of the API are read, and anything else degrades cleanly.
#include "core/polytomic/ApiError.h"
#include "core/polytomic/JsonEnvelope.h"

#include <QJsonObject>
#include <QTest>

// JSON written with single quotes, for readability in tests (moc does not read raw strings).
[[maybe_unused]] static QByteArray q(const char *json)
{
    return QByteArray(json).replace('\'', '"');
}

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheMessageShape()
    {
        const auto error = ApiError::fromReply(
            422,
            q("{'status': 422, 'message': 'name must be unique', 'key': 'name', 'metadata': {}}"));
        QCOMPARE(error.httpStatus, 422);
        QCOMPARE(error.message, QStringLiteral("name must be unique"));
        QCOMPARE(error.key, QStringLiteral("name"));
    }

    void readsTheFieldTheMetadataNames()
    {
        const auto error =
            ApiError::fromReply(422,
                                q("{'status': 422, 'message': 'in use', 'key': 'invalid_request', "
                                  "'metadata': {'field': 'name'}}"));
        QCOMPARE(error.field(), QStringLiteral("name"));
        QCOMPARE(ApiError::fromReply(422, q("{'status': 422, 'message': 'x'}")).field(), QString());
    }

    void readsTheErrorShapeWithAStringStatus()
    {
        const auto error = ApiError::fromReply(
            401,
            q("{'status': 'Unauthorized', 'error': 'invalid token', 'code': 401, 'context': {}}"));
        QCOMPARE(error.httpStatus, 401);
        QCOMPARE(error.message, QStringLiteral("invalid token"));
    }

    void prefersMessageOverError()
    {
        const auto error = ApiError::fromReply(400, q("{'message': 'first', 'error': 'second'}"));
        QCOMPARE(error.message, QStringLiteral("first"));
    }

    void takesTheStatusFromTheBodyWhenTheReplyHasNone()
    {
        QCOMPARE(ApiError::fromReply(0, q("{'status': 403, 'message': 'x'}")).httpStatus, 403);
        QCOMPARE(ApiError::fromReply(0, q("{'status': 'Forbidden', 'error': 'x', 'code': 403}"))
                     .httpStatus,
                 403);
    }

    void leavesTheMessageEmptyForABodyInNeitherShape()
    {
        QVERIFY(ApiError::fromReply(500, "<html>Bad gateway</html>").message.isEmpty());
        QVERIFY(ApiError::fromReply(500, "[1,2]").message.isEmpty());
        QVERIFY(ApiError::fromReply(500, q("{'message': 42}")).message.isEmpty());
        QCOMPARE(ApiError::fromReply(502, "").httpStatus, 502);
    }

    void writesShapesThatItReadsBack()
    {
        const auto first = ApiError::fromReply(
            0, ApiError::messageShape(422, QStringLiteral("bad"), QStringLiteral("k")));
        QCOMPARE(first.httpStatus, 422);
        QCOMPARE(first.message, QStringLiteral("bad"));
        const auto second =
            ApiError::fromReply(0,
                                ApiError::errorShape(401, QStringLiteral("Unauthorized"),
                                                     QStringLiteral("invalid token")));
        QCOMPARE(second.httpStatus, 401);
        QCOMPARE(second.message, QStringLiteral("invalid token"));
    }

    void envelopeGivesData()
    {
        QString error;
        const auto data = JsonEnvelope::data(q("{'data': {'a': 1}}"), &error);
        QVERIFY(data.has_value());
        QCOMPARE(data->toObject().value(QLatin1String("a")).toInt(), 1);
    }

    void envelopeExplainsTruncatedJson()
    {
        QString error;
        QVERIFY(!JsonEnvelope::data("{\"data\": {\"redirect_url\": \"http://127.0.0.1", &error));
        QVERIFY2(error.contains(QLatin1String("not valid JSON")), qPrintable(error));
    }

    void envelopeExplainsAMissingDataField()
    {
        QString error;
        QVERIFY(!JsonEnvelope::data(q("{'result': {}}"), &error));
        QVERIFY2(error.contains(QLatin1String("\"data\"")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
