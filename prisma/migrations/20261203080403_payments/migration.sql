-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "paymentReference" TEXT;

-- AlterTable
ALTER TABLE "Creditor" ADD COLUMN     "bankHolder" TEXT,
ADD COLUMN     "bic" TEXT,
ADD COLUMN     "displayName" TEXT,
ADD COLUMN     "iban" TEXT,
ADD COLUMN     "logoUrl" TEXT,
ADD COLUMN     "paymentUrl" TEXT,
ADD COLUMN     "ukAccountNumber" TEXT,
ADD COLUMN     "ukSortCode" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "usAccountNumber" TEXT,
ADD COLUMN     "usRoutingNumber" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'manual';

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "caseId" TEXT,
    "outcome" TEXT NOT NULL,
    "paymentId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementLine" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "bookedAt" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "counterparty" TEXT,
    "bankRef" TEXT,
    "status" TEXT NOT NULL,
    "caseId" TEXT,
    "paymentId" TEXT,
    "note" TEXT,
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "StatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatementLine_importId_idx" ON "StatementLine"("importId");

-- CreateIndex
CREATE INDEX "StatementLine_status_idx" ON "StatementLine"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Case_paymentReference_key" ON "Case"("paymentReference");
