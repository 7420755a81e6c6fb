package dev.listcast.processor.kafka;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * Keeps the pipeline alive when one output record cannot be written (too large, unserialisable): the record is
 * logged with where it came from and skipped. Transient broker errors are retried, as Kafka's default does;
 * only data errors are skipped, because the default handler would stop the whole processor for one bad record.
 */
public final class LogAndContinueProductionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = Logger.getLogger(LogAndContinueProductionHandler.class.getName());

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandlerResponse.RETRY;
        }
        log(context, record.topic(), exception);
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        log(context, record.topic(), exception);
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    private static void log(ErrorHandlerContext context, String topic, Exception exception) {
        LOG.log(Level.WARNING, exception, () -> "skipped a record for " + topic + " from " + context.topic() + "-"
                + context.partition() + "@" + context.offset() + ": " + exception.getMessage());
    }
}
