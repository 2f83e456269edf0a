-- AlterEnum
ALTER TYPE "CaseStatus" ADD VALUE 'handed_off';

-- CreateTable
CREATE TABLE "OutreachSequence" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "reason" TEXT,
    "nextStepIndex" INTEGER NOT NULL DEFAULT 0,
    "nextRunAt" TIMESTAMP(3),
    "emailOptOutAt" TIMESTAMP(3),
    "smsOptOutAt" TIMESTAMP(3),
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutreachSequence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutreachMessage" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "stepKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "recipient" TEXT,
    "subject" TEXT,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "promiseId" TEXT,
    "status" TEXT NOT NULL,
    "transport" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "error" TEXT,
    "sentAt" TIMESTAMP(3),
    "linkTokenId" TEXT,
    "unsubscribeTokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutreachMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutreachSequence_caseId_key" ON "OutreachSequence"("caseId");

-- CreateIndex
CREATE INDEX "OutreachSequence_status_nextRunAt_idx" ON "OutreachSequence"("status", "nextRunAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutreachMessage_unsubscribeTokenHash_key" ON "OutreachMessage"("unsubscribeTokenHash");

-- CreateIndex
CREATE INDEX "OutreachMessage_status_nextAttemptAt_idx" ON "OutreachMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutreachMessage_caseId_createdAt_idx" ON "OutreachMessage"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutreachMessage_caseId_stepKey_key" ON "OutreachMessage"("caseId", "stepKey");

-- AddForeignKey
ALTER TABLE "OutreachSequence" ADD CONSTRAINT "OutreachSequence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachMessage" ADD CONSTRAINT "OutreachMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
