import restify from 'restify';
import { useCase } from '../services/use-case';
export const planted = [restify, useCase];
